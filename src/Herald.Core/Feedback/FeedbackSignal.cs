using Herald.Bounces;

namespace Herald.Core.Feedback;

/// <summary>One piece of feedback about one address, from any source (SMTP reply, DSN, provider webhook).</summary>
/// <param name="Record">The classifier's reading; null for deliveries.</param>
/// <param name="Temporary">The failure was a 4xx or a DSN "delayed" action: the message is still being retried.</param>
/// <param name="Returned">It came back after the send (a DSN, a provider event), rather than as the SMTP reply itself.</param>
/// <param name="Source">"herald" for our own SMTP and listener, otherwise the provider's name.</param>
public sealed record FeedbackSignal(
    string Address,
    DateTimeOffset At,
    FeedbackKind Kind,
    string? MessageId,
    BounceRecord? Record,
    bool Temporary,
    string Source = "herald",
    bool Returned = false);
