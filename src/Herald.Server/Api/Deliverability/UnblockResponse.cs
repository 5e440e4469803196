namespace Herald.Server.Api.Deliverability;

/// <summary>The answer to an unblock or a deliverability probe: done (with the probe's message) or refused and until when.</summary>
public sealed record UnblockResponse(string Address, string Result, string? ProbeMessageId, string? Refusal, DateTimeOffset? NotBefore, RecipientStatusView Status);
