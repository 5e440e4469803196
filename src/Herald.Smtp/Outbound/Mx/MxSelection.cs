using Herald.Core.Delivery;

namespace Herald.Smtp.Outbound.Mx;

/// <summary>Turns a DNS answer into the ordered list of hosts to try. Pure: the shuffle takes its random source.</summary>
internal static class MxSelection
{
    public static MxPlan Select(string domain, MxAnswer answer, Random random) => answer switch
    {
        MxAnswer.DomainNotFound nx => new MxPlan.Failure(TransportFailureKind.DomainNotFound, $"{domain}: {nx.Detail}"),
        MxAnswer.TemporaryFailure t => new MxPlan.Failure(TransportFailureKind.DnsTemporaryFailure, $"{domain}: {t.Detail}"),
        MxAnswer.Found { Mx.Count: 0, DomainHasAddress: true } =>
            // RFC 5321 section 5.1: no MX records means the domain itself is the implicit MX, with preference 0.
            new MxPlan.Hosts([domain]),
        MxAnswer.Found { Mx.Count: 0 } =>
            new MxPlan.Failure(TransportFailureKind.DomainNotFound, $"{domain}: no MX and no A/AAAA records"),
        MxAnswer.Found found => FromRecords(domain, found.Mx, random),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "unknown DNS answer"),
    };

    private static MxPlan FromRecords(string domain, IReadOnlyList<MxEntry> records, Random random)
    {
        var usable = records.Where(r => !IsRoot(r.Exchange)).ToList();
        if (usable.Count == 0)
        {
            // RFC 7505 section 3: a single MX with exchange "." says the domain accepts no mail at all.
            return new MxPlan.Failure(TransportFailureKind.NullMx, $"{domain}: null MX (\"0 .\")");
        }

        // RFC 5321 section 5.1: lowest preference first; hosts of equal preference in random order so that
        // load spreads across them.
        var hosts = usable
            .GroupBy(r => r.Preference)
            .OrderBy(g => g.Key)
            .SelectMany(g => Shuffle(g.Select(r => r.Exchange.TrimEnd('.')).ToArray(), random))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new MxPlan.Hosts(hosts);
    }

    private static bool IsRoot(string exchange) => exchange.Length == 0 || exchange == ".";

    private static string[] Shuffle(string[] items, Random random)
    {
        random.Shuffle(items);
        return items;
    }
}
