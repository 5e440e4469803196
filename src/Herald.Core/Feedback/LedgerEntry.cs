namespace Herald.Core.Feedback;

/// <summary>One line of an address's history (the audit trail): what changed, why, who did it.</summary>
/// <param name="Action">suspended, lifted, expired, problem, cleared, unblocked, unblock-refused, probe-sent,
/// auto-replied, soft-failure, operator-added, operator-removed.</param>
/// <param name="Actor">"herald", "owner", "operator:&lt;name&gt;" or the provider's name.</param>
public sealed record LedgerEntry(
    string Address,
    DateTimeOffset Time,
    string Action,
    string? Reason,
    string Actor,
    string? Detail,
    string? MessageId);
