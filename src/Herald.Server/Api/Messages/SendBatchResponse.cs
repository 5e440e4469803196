namespace Herald.Server.Api.Messages;

/// <summary>The answer to a batch: one result per message, in the request's order.</summary>
/// <param name="Accepted">How many messages were accepted (stored durably, in one commit).</param>
/// <param name="Refused">How many were refused; each refused result says why.</param>
public sealed record SendBatchResponse(int Accepted, int Refused, IReadOnlyList<BatchResult> Results);
