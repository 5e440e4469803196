namespace Herald.Server.Api.Deliverability;

/// <summary>The yellow box: why Herald stopped sending, since when, and whether the owner may unblock now.</summary>
public sealed record SuspensionView(
    string Reason,
    string Source,
    DateTimeOffset Since,
    DateTimeOffset? ExpiresAt,
    string Explanation,
    string Evidence,
    string? MessageId,
    string Scenario,
    bool CanUnblock,
    string? UnblockRefusal,
    DateTimeOffset? UnblockAvailableAt);
