namespace Herald.Core.Feedback;

/// <summary>
/// The suppression policy's knobs (configuration <c>Herald:Feedback:Policy</c>). The reasons for each default are in
/// docs/suppression-policy.md; in short: suspend only what is the address's own fault, and never for long by accident.
/// </summary>
public sealed class SuppressionPolicyOptions
{
    /// <summary>Distinct messages an auto-responder must have answered (one answer is just someone on holiday).</summary>
    public int AutoReplyMessages { get; set; } = 3;

    /// <summary>Span between the first and last of those answers: a week of holiday is normal, longer is abandonment.</summary>
    public TimeSpan AutoReplySpan { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Sightings older than this are forgotten, so two holidays a year apart never add up.</summary>
    public TimeSpan AutoReplyMemory { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Soft failures (mailbox full, disabled) in a row, with no delivery between them, before a temporary suspension.</summary>
    public int SoftFailures { get; set; } = 5;

    /// <summary>The streak must also last this long: five failures in one busy hour say nothing about next week.</summary>
    public TimeSpan SoftFailureSpan { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long a soft-failure suspension lasts before Herald tries the address again by itself.</summary>
    public TimeSpan SoftSuspension { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Addresses of one domain hitting the same block within <see cref="IncidentWindow"/> that make a domain incident.</summary>
    public int IncidentAddresses { get; set; } = 3;

    public TimeSpan IncidentWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An owner may lift a suspension at most once in this interval (a typo-fix loop must not become a bounce storm).</summary>
    public TimeSpan UnblockInterval { get; set; } = TimeSpan.FromDays(7);

    public int UnblocksPerWindow { get; set; } = 3;

    public TimeSpan UnblockWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Least time between two deliverability probes to one address.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMinutes(10);

    public int ProbesPerDay { get; set; } = 5;
}
