namespace Herald.Core.Doctor;

/// <summary>What the DNS says about a recipient domain's mail.</summary>
/// <param name="MxHosts">MX hosts by preference; empty unless <see cref="Routing"/> is <see cref="MailRouting.Mx"/>.</param>
/// <param name="Error">The resolver's words for a failure (evidence).</param>
public sealed record MailDomain(string Domain, MailRouting Routing, IReadOnlyList<string> MxHosts, MailHost? Provider, MailHost? Gateway, string? Error)
{
    /// <summary>Some server would take mail for it.</summary>
    public bool AcceptsMail => Routing is MailRouting.Mx or MailRouting.AddressFallback;
}
