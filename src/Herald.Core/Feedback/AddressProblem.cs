using Herald.Bounces;

namespace Herald.Core.Feedback;

/// <summary>
/// The address's current problem (the gray box): an error that is not the owner's fault and does not suspend the
/// address (a gateway, a blocklist, DMARC), kept exactly as received until a delivery succeeds.
/// </summary>
/// <param name="Reply">The raw SMTP reply or diagnostic text, exactly as received.</param>
/// <param name="IncidentId">Set when several addresses of the domain hit the same block: one incident, not N users' fault.</param>
public sealed record AddressProblem(
    string Reply,
    DateTimeOffset At,
    Scenario Scenario,
    Actor Actor,
    string? Named,
    IReadOnlyList<string> Links,
    string? MessageId,
    string Summary,
    IReadOnlyList<string> RecipientSteps,
    IReadOnlyList<string> ItSteps,
    string? IncidentId);
