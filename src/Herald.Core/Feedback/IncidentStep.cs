namespace Herald.Core.Feedback;

/// <summary>What <see cref="IncidentLifecycle"/> decided: the incidents to write (whole rows, by id) and the notices to send.</summary>
/// <param name="IncidentId">The open incident a block hit belongs to, for the address's problem; null when none.</param>
public sealed record IncidentStep(string? IncidentId, IReadOnlyList<DomainIncident> Writes, IReadOnlyList<IncidentNotice> Notices)
{
    public static readonly IncidentStep None = new(null, [], []);
}
