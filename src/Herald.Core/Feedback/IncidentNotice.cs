namespace Herald.Core.Feedback;

/// <summary>
/// A domain incident opened or closed, for the webhook outbox (<c>incident.opened</c>, <c>incident.closed</c>). Written in
/// the transaction that changed the incident, so each is sent once per endpoint (at least once on the wire, one event id).
/// </summary>
/// <param name="Type"><see cref="IncidentLifecycle.Opened"/> or <see cref="IncidentLifecycle.Closed"/>.</param>
/// <param name="Incident">The incident as it stands after the change (closed ones carry their time and reason).</param>
public sealed record IncidentNotice(string Type, DateTimeOffset At, DomainIncident Incident);
