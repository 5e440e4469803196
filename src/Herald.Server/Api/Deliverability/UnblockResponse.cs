namespace Herald.Server.Api.Deliverability;

/// <summary>The answer to an unblock or verification request: done (with the verification message) or refused and until when.</summary>
public sealed record UnblockResponse(string Address, string Result, string? VerificationMessageId, string? Refusal, DateTimeOffset? NotBefore, RecipientStatusView Status);
