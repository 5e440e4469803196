using Herald.Core.Feedback;

namespace Herald.Server.Pages.Portal;

/// <summary>The printable page for the user's IT department: what to allow, and the refusal it is about.</summary>
public sealed record ItFacts(
    string Address,
    AddressProblem? Problem,
    IReadOnlyList<string> FromDomains,
    string EnvelopeDomain,
    IReadOnlyList<string> DkimDomains,
    IReadOnlyList<string> SendingHosts,
    string Back);
