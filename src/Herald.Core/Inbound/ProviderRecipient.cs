namespace Herald.Core.Inbound;

/// <summary>
/// One recipient of a provider event, with the provider's words kept as given (the classifier interprets them).
/// </summary>
/// <param name="Status">RFC 3463 enhanced status (SES <c>status</c>, Mailgun <c>delivery-status.enhanced-code</c> or code).</param>
/// <param name="DiagnosticCode">The remote server's reply, e.g. "smtp; 550 5.1.1 user unknown" (RFC 3464 Diagnostic-Code).</param>
/// <param name="BounceType">SES Permanent/Transient/Undetermined; Mailgun severity.</param>
/// <param name="BounceSubType">SES bounceSubType (General, NoEmail, Suppressed, ...), complaintSubType or DeliveryDelay delayType; Mailgun reason.</param>
/// <param name="ComplaintFeedbackType">RFC 5965 Feedback-Type (abuse, fraud, not-spam, ...), complaints only.</param>
public sealed record ProviderRecipient(
    string Address,
    string? Status = null,
    string? DiagnosticCode = null,
    string? BounceType = null,
    string? BounceSubType = null,
    string? ComplaintFeedbackType = null);
