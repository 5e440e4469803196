namespace Herald.Server.Api.Suppressions;

/// <summary>Body of POST/DELETE /v1/suppressions: who acts and why (both end up in the audit line).</summary>
public sealed record OperatorRequest(string? Address, string? Operator, string? Note, DateTimeOffset? ExpiresAt);
