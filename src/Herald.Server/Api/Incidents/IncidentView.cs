using Herald.Core.Feedback;

namespace Herald.Server.Api.Incidents;

/// <summary>One domain incident: <paramref name="State"/> is open or closed; a closed one says when and why (delivered, quiet).</summary>
internal sealed record IncidentView(string Id, string Domain, string Signature, DateTimeOffset FirstAt, DateTimeOffset LastAt, int Addresses, string Sample,
    string State, DateTimeOffset? ClosedAt, string? CloseReason)
{
    public static IncidentView From(DomainIncident i) =>
        new(i.Id, i.Domain, i.Signature, i.FirstAt, i.LastAt, i.Addresses, i.Sample, i.State.ToWire(), i.ClosedAt, i.CloseReason?.ToWire());
}
