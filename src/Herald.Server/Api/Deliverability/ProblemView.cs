namespace Herald.Server.Api.Deliverability;

/// <summary>The gray box: the raw SMTP text exactly as received, when, what it means, who must act and what to do.</summary>
public sealed record ProblemView(
    string Reply,
    DateTimeOffset At,
    string Scenario,
    string Actor,
    string? Named,
    string Explanation,
    IReadOnlyList<string> RecipientSteps,
    IReadOnlyList<string> ItSteps,
    IReadOnlyList<string> Links,
    string? MessageId,
    string? IncidentId);
