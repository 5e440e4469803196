using System.Reflection;

namespace Herald.Core.Doctor;

/// <summary>The providers and gateways of <c>mail-hosts.tsv</c>, and the common mailbox domains of <c>common-domains.txt</c>.</summary>
public static class MailHosts
{
    public static IReadOnlyList<MailHost> All { get; } = Load();

    public static IReadOnlyList<string> CommonDomains { get; } = Lines("common-domains.txt").ToArray();

    /// <summary>The first gateway that any MX host belongs to, else the first provider, by MX preference.</summary>
    public static (MailHost? Provider, MailHost? Gateway) Recognise(IEnumerable<string> mxHosts)
    {
        var hosts = mxHosts.ToList();
        MailHost? Find(MailHostKind kind) => hosts.Select(h => All.FirstOrDefault(m => m.Kind == kind && m.Matches(h))).FirstOrDefault(m => m is not null);
        return (Find(MailHostKind.Provider), Find(MailHostKind.Gateway));
    }

    /// <summary>A domain people sign up with (gmail.com), where the owner, not an IT department, decides what arrives.</summary>
    public static bool IsCommonMailboxDomain(string domain) => CommonDomains.Contains(domain.ToLowerInvariant(), StringComparer.Ordinal);

    private static List<MailHost> Load() =>
        Lines("mail-hosts.tsv").Select(line => line.Split('\t')).Select(f => new MailHost(
            f[0] == "gateway" ? MailHostKind.Gateway : MailHostKind.Provider, f[1], f[2], f[3].Split(','), f[4])).ToList();

    private static List<string> Lines(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Core.Doctor." + file)
            ?? throw new InvalidOperationException($"embedded {file} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line.Trim());
            }
        }

        return lines;
    }
}
