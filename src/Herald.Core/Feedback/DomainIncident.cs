namespace Herald.Core.Feedback;

/// <summary>
/// Several addresses of one domain hitting the same block: one problem of the domain, not of each user. Opened and
/// closed by <see cref="IncidentLifecycle"/> only; open while <see cref="ClosedAt"/> is null.
/// </summary>
/// <param name="Sample">The raw reply of the latest address that opened or joined it.</param>
/// <param name="ClosedAt">When the block was seen lifted; null while the incident is open.</param>
/// <param name="CloseReason">Why it closed; null while it is open.</param>
public sealed record DomainIncident(string Id, string Domain, string Signature, DateTimeOffset FirstAt, DateTimeOffset LastAt, int Addresses, string Sample,
    DateTimeOffset? ClosedAt = null, IncidentCloseReason? CloseReason = null)
{
    public IncidentState State => ClosedAt is null ? IncidentState.Open : IncidentState.Closed;
}
