using System.Text.Json.Serialization;

namespace Herald.Core.Feedback;

/// <summary>
/// Everything Herald keeps about one address between messages: suspension, current problem, and the counters the
/// policy needs (soft-failure streak, auto-reply sightings, unblock and probe times).
/// </summary>
public sealed record AddressLedger(
    string Address,
    Suspension? Suspension,
    AddressProblem? Problem,
    int SoftFailures,
    DateTimeOffset? SoftFailuresSince,
    IReadOnlyList<Sighting> AutoReplies,
    IReadOnlyList<DateTimeOffset> Unblocks,
    // The stored JSON keeps the names these had before the probe was named for what it is (issue 16).
    [property: JsonPropertyName("verifications")] IReadOnlyList<DateTimeOffset> Probes,
    [property: JsonPropertyName("pendingVerificationId")] string? PendingProbeId,
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
