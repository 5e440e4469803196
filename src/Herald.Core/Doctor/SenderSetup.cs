namespace Herald.Core.Doctor;

/// <summary>
/// What Herald sends as, read once from the configuration (the host builds it): the sender check verifies it against
/// the DNS, and the allowlist kit and the IT page list it. Only what is configured is here: a DKIM domain appears
/// only when a key for it is configured, sending hosts only when the operator listed them.
/// </summary>
/// <param name="FromDomains">The catalogue's From domains.</param>
/// <param name="BounceDomain">The envelope (Return-Path) domain: SPF is checked for it, and bounces come back to it.</param>
/// <param name="SendingHosts">The hosts or IP addresses mail leaves from, as configured (Herald:Pages:SendingHosts).</param>
/// <param name="InboundHost">The public name or address of the bounce listener, when configured.</param>
public sealed record SenderSetup(
    IReadOnlyList<string> FromDomains,
    string BounceDomain,
    IReadOnlyList<DkimKeyFact> DkimKeys,
    IReadOnlyList<RouteFact> Routes,
    IReadOnlyList<string> SendingHosts,
    string? InboundHost)
{
    public IReadOnlyList<string> DkimDomains =>
        DkimKeys.Select(k => k.Domain.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
