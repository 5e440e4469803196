using Herald.Bounces;

namespace Herald.Core.Feedback;

/// <summary>An address Herald no longer sends to, and the evidence for it.</summary>
/// <param name="Evidence">The raw SMTP reply or DSN diagnostic exactly as received (or the operator's note).</param>
/// <param name="EvidenceMessageId">Herald's id of the message the evidence came from, when there is one.</param>
/// <param name="ExpiresAt">When Herald tries the address again by itself; null until someone lifts it.</param>
/// <param name="Summary">One plain-language sentence for the owner.</param>
public sealed record Suspension(
    SuppressionReason Reason,
    SuppressionSource Source,
    DateTimeOffset Since,
    DateTimeOffset? ExpiresAt,
    string Evidence,
    string? EvidenceMessageId,
    Scenario Scenario,
    string Summary)
{
    /// <summary>What the yellow box, the send API and the suppressed event say about it.</summary>
    public string Describe() =>
        $"address suspended since {Since:u} ({Reason.ToWire()}): {Summary}" + (ExpiresAt is { } end ? $" Herald tries again after {end:u}." : "");
}
