namespace Herald.Core.Feedback;

/// <summary>
/// Everything Herald keeps about one address between messages: suspension, current problem, and the counters the
/// policy needs (soft-failure streak, auto-reply sightings, unblock and verification times).
/// </summary>
public sealed record AddressLedger(
    string Address,
    Suspension? Suspension,
    AddressProblem? Problem,
    int SoftFailures,
    DateTimeOffset? SoftFailuresSince,
    IReadOnlyList<Sighting> AutoReplies,
    IReadOnlyList<DateTimeOffset> Unblocks,
    IReadOnlyList<DateTimeOffset> Verifications,
    string? PendingVerificationId,
    StreakUndo? Undo = null)
{
    public static AddressLedger Empty(string address) => new(address.ToLowerInvariant(), null, null, 0, null, [], [], [], null);

    /// <summary>The suspension in force at <paramref name="now"/>: a temporary one ends by itself at its expiry.</summary>
    public Suspension? SuspensionAt(DateTimeOffset now) =>
        Suspension is { } s && (s.ExpiresAt is not { } end || end > now) ? s : null;

    /// <summary>The domain part, lower case, for domain incidents.</summary>
    public static string DomainOf(string address) =>
        address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
