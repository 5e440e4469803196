using System.Text.Json;
using Herald.Core.Doctor;

namespace Herald.Server.Api.Diagnoses;

/// <param name="Routing">mx, null-mx, address-fallback, no-mail-server, domain-not-found, dns-failure or timed-out.</param>
internal sealed record DomainView(string Name, string Routing, IReadOnlyList<string> MxHosts, string? Provider, string? Gateway, string? Error)
{
    public static DomainView From(MailDomain d) =>
        new(d.Domain, JsonNamingPolicy.KebabCaseLower.ConvertName(d.Routing.ToString()), d.MxHosts, d.Provider?.Name, d.Gateway?.Name, d.Error);
}
