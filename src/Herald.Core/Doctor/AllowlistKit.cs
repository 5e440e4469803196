using Herald.Core.Feedback;

namespace Herald.Core.Doctor;

/// <summary>
/// What a recipient's IT department must allow, and where: the one source for the Markdown kit
/// (<c>herald doctor ADDRESS --kit</c>, <c>GET /v1/diagnoses/{subject}/kit</c>) and the printable IT page. It lists
/// only what the configuration has: DKIM domains only when a key is configured, sending hosts only when listed.
/// </summary>
/// <param name="Domain">The recipient's domain, as probed (its gateway and provider say where to allow).</param>
/// <param name="Problem">The last refusal, exactly as received (the evidence IT asks for).</param>
public sealed record AllowlistKit(
    string Address,
    MailDomain? Domain,
    IReadOnlyList<string> FromDomains,
    string EnvelopeDomain,
    IReadOnlyList<string> DkimDomains,
    IReadOnlyList<string> SendingHosts,
    AddressProblem? Problem)
{
    public static AllowlistKit For(string address, SenderSetup setup, MailDomain? domain, AddressProblem? problem) =>
        new(address, domain, setup.FromDomains.Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            setup.BounceDomain.ToLowerInvariant(), setup.DkimDomains, setup.SendingHosts, problem);

    /// <summary>Where to allow, gateway first (it filters before the mailboxes); none when nothing was recognised.</summary>
    public IReadOnlyList<MailHost> WhereToAllow =>
        new[] { Domain?.Gateway, Domain?.Provider }.OfType<MailHost>().ToArray();

    /// <summary>The mail's own authentication, stated only as far as the configuration makes it true.</summary>
    public bool IsDkimSigned => DkimDomains.Count > 0;
}
