using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Herald.Core.Doctor;

/// <summary>
/// RFC 7208's check_host() over the DNS port: would a receiver that sees mail from <c>ip</c> with an envelope
/// domain of <c>domain</c> accept it? Evaluates all, include, redirect, a, mx, ip4, ip6 and exists, with the ten
/// DNS-lookup limit (section 4.6.4) and the two void lookups limit. ptr (section 5.5, "SHOULD NOT be used") never
/// matches, as most receivers now treat it; macros are expanded for the common letters (d, i, s, l, o, h).
/// </summary>
public sealed class SpfEvaluator(IDnsQuery dns)
{
    private const int MaxLookups = 10;
    private const int MaxVoidLookups = 2;

    public Task<SpfVerdict> CheckAsync(IPAddress ip, string domain, string sender, CancellationToken cancellationToken) =>
        CheckHostAsync(new Context(ip, sender), domain, cancellationToken);

    /// <summary>The domain's one SPF record, or the verdict that explains why there is none to use.</summary>
    public async Task<(string? Record, SpfVerdict? Failed)> RecordAsync(string domain, CancellationToken cancellationToken)
    {
        var txt = await dns.QueryAsync(domain, DnsRecordType.Txt, cancellationToken);
        if (!txt.IsAnswer)
        {
            return (null, new SpfVerdict(SpfResult.TempError, null, $"TXT lookup for {domain} failed: {txt.Error ?? txt.Status.ToString()}"));
        }

        var records = txt.Records.Select(r => r.Data).Where(IsSpf).ToList();
        return records.Count switch
        {
            0 => (null, new SpfVerdict(SpfResult.None, null, $"{domain} publishes no SPF record")),
            1 => (records[0], null),
            // Section 4.5: more than one record is a permerror, not a choice.
            _ => (null, new SpfVerdict(SpfResult.PermError, string.Join(" | ", records), $"{domain} publishes {records.Count} SPF records (RFC 7208 4.5 allows one)")),
        };
    }

    private static bool IsSpf(string txt) =>
        txt.Equals("v=spf1", StringComparison.OrdinalIgnoreCase) || txt.StartsWith("v=spf1 ", StringComparison.OrdinalIgnoreCase);

    private async Task<SpfVerdict> CheckHostAsync(Context context, string domain, CancellationToken cancellationToken)
    {
        var (record, failed) = await RecordAsync(domain, cancellationToken);
        if (failed is not null)
        {
            return failed;
        }

        string? redirect = null;
        foreach (var term in record!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            if (equals > 0 && (colon < 0 || equals < colon))
            {
                if (term.StartsWith("redirect=", StringComparison.OrdinalIgnoreCase))
                {
                    redirect = term["redirect=".Length..];
                }

                continue; // exp= and unknown modifiers do not change the result (section 6)
            }

            var qualifier = term[0] is '+' or '-' or '~' or '?' ? term[0] : '+';
            var mechanism = qualifier == term[0] ? term[1..] : term;
            var match = await MatchAsync(context, domain, mechanism, cancellationToken);
            if (match.Error is { } error)
            {
                return new SpfVerdict(match.Temporary ? SpfResult.TempError : SpfResult.PermError, record, error);
            }

            if (match.Matched)
            {
                return new SpfVerdict(Qualified(qualifier), record, $"'{term}' of {domain} matched");
            }
        }

        if (redirect is not null)
        {
            if (!context.Count())
            {
                return new SpfVerdict(SpfResult.PermError, record, $"more than {MaxLookups} DNS lookups (RFC 7208 4.6.4) at redirect={redirect}");
            }

            var target = await CheckHostAsync(context, Expand(redirect, context, domain), cancellationToken);
            // Section 6.1: a redirect to a domain without a record is a permerror.
            return target.Result == SpfResult.None ? target with { Result = SpfResult.PermError } : target;
        }

        return new SpfVerdict(SpfResult.Neutral, record, $"no term of {domain}'s record matched and it has no 'all'");
    }

    private static SpfResult Qualified(char qualifier) => qualifier switch
    {
        '-' => SpfResult.Fail,
        '~' => SpfResult.SoftFail,
        '?' => SpfResult.Neutral,
        _ => SpfResult.Pass,
    };

    private async Task<Match> MatchAsync(Context context, string domain, string mechanism, CancellationToken cancellationToken)
    {
        var (name, argument) = Split(mechanism);
        switch (name.ToLowerInvariant())
        {
            case "all":
                return Match.Yes;
            case "ip4" or "ip6":
                return Match.Of(IpMatches(argument, context.Ip));
            case "include":
                {
                    if (!context.Count())
                    {
                        return Match.Limit(mechanism);
                    }

                    var inner = await CheckHostAsync(context, Expand(argument ?? "", context, domain), cancellationToken);
                    return inner.Result switch
                    {
                        SpfResult.Pass => Match.Yes,
                        SpfResult.Fail or SpfResult.SoftFail or SpfResult.Neutral => Match.No,
                        SpfResult.TempError => new Match(false, inner.Detail, true),
                        _ => new Match(false, $"include:{argument}: {inner.Detail}", false),
                    };
                }

            case "a" or "mx":
                {
                    if (!context.Count())
                    {
                        return Match.Limit(mechanism);
                    }

                    var (target, v4, v6) = Lengths(argument, context, domain);
                    var prefix = context.Ip.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : v4;
                    var hosts = new List<string> { target };
                    if (name.Equals("mx", StringComparison.OrdinalIgnoreCase))
                    {
                        var mx = await dns.QueryAsync(target, DnsRecordType.Mx, cancellationToken);
                        if (Failed(mx, context, target) is { } mxFailed)
                        {
                            return mxFailed;
                        }

                        hosts = mx.Records.Where(r => r.Data.Length > 0).Select(r => r.Data).Take(10).ToList();
                    }

                    foreach (var host in hosts)
                    {
                        var type = context.Ip.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.Aaaa : DnsRecordType.A;
                        var addresses = await dns.QueryAsync(host, type, cancellationToken);
                        if (Failed(addresses, context, host) is { } addressFailed)
                        {
                            return addressFailed;
                        }

                        if (addresses.Records.Any(r => IPAddress.TryParse(r.Data, out var a) && Cidr.Contains(a, prefix, context.Ip)))
                        {
                            return Match.Yes;
                        }
                    }

                    return Match.No;
                }

            case "exists":
                {
                    if (!context.Count())
                    {
                        return Match.Limit(mechanism);
                    }

                    var target = Expand(argument ?? "", context, domain);
                    var found = await dns.QueryAsync(target, DnsRecordType.A, cancellationToken);
                    return Failed(found, context, target) ?? Match.Of(found.Status == DnsStatus.Answered);
                }

            case "ptr":
                return context.Count() ? Match.No : Match.Limit(mechanism);
            default:
                return new Match(false, $"unknown mechanism '{mechanism}' in {domain}'s record (RFC 7208 5: permerror)", false);
        }
    }

    /// <summary>Section 4.6.4: a lookup that finds nothing counts as void; more than two is a permerror. Errors stop evaluation.</summary>
    private static Match? Failed(DnsAnswer answer, Context context, string name)
    {
        if (answer.Status is DnsStatus.ServerFailure or DnsStatus.TimedOut)
        {
            return new Match(false, $"lookup of {name} failed: {answer.Error ?? answer.Status.ToString()}", true);
        }

        if (answer.Status != DnsStatus.Answered && ++context.VoidLookups > MaxVoidLookups)
        {
            return new Match(false, $"more than {MaxVoidLookups} lookups found nothing (RFC 7208 4.6.4), the last {name}", false);
        }

        return null;
    }

    private static (string Name, string? Argument) Split(string mechanism)
    {
        var i = mechanism.IndexOfAny([':', '/']);
        return i < 0 ? (mechanism, null) : (mechanism[..i], mechanism[i] == ':' ? mechanism[(i + 1)..] : mechanism[i..]);
    }

    private static bool IpMatches(string? argument, IPAddress ip)
    {
        if (argument is null)
        {
            return false;
        }

        var slash = argument.IndexOf('/', StringComparison.Ordinal);
        var text = slash < 0 ? argument : argument[..slash];
        if (!IPAddress.TryParse(text, out var network))
        {
            return false;
        }

        var prefix = slash < 0 ? network.GetAddressBytes().Length * 8 : int.Parse(argument[(slash + 1)..], CultureInfo.InvariantCulture);
        var candidate = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        return Cidr.Contains(network, prefix, candidate);
    }

    /// <summary>"a", "a:host", "a/24", "a:host/24//64": the target domain and the IPv4 and IPv6 prefix lengths.</summary>
    private static (string Target, int V4, int V6) Lengths(string? argument, Context context, string domain)
    {
        if (argument is null)
        {
            return (domain, 32, 128);
        }

        var spec = argument.StartsWith('/') ? "" : argument.Split('/')[0];
        var rest = argument[spec.Length..];
        int v4 = 32, v6 = 128;
        var dual = rest.IndexOf("//", StringComparison.Ordinal);
        if (dual >= 0)
        {
            v6 = int.Parse(rest[(dual + 2)..], CultureInfo.InvariantCulture);
            rest = rest[..dual];
        }

        if (rest.StartsWith('/'))
        {
            v4 = int.Parse(rest[1..], CultureInfo.InvariantCulture);
        }

        return (spec.Length == 0 ? domain : Expand(spec, context, domain), v4, v6);
    }

    /// <summary>Section 7's macros for the letters receivers see in practice; transformers are not applied.</summary>
    private static string Expand(string spec, Context context, string domain)
    {
        if (!spec.Contains('%', StringComparison.Ordinal))
        {
            return spec;
        }

        var at = context.Sender.LastIndexOf('@');
        return spec.Replace("%{d}", domain, StringComparison.OrdinalIgnoreCase)
            .Replace("%{i}", context.Ip.ToString(), StringComparison.OrdinalIgnoreCase)
            .Replace("%{s}", context.Sender, StringComparison.OrdinalIgnoreCase)
            .Replace("%{l}", at > 0 ? context.Sender[..at] : "postmaster", StringComparison.OrdinalIgnoreCase)
            .Replace("%{o}", at > 0 ? context.Sender[(at + 1)..] : domain, StringComparison.OrdinalIgnoreCase)
            .Replace("%{h}", domain, StringComparison.OrdinalIgnoreCase)
            .Replace("%%", "%", StringComparison.Ordinal).Replace("%_", " ", StringComparison.Ordinal).Replace("%-", "%20", StringComparison.Ordinal);
    }

    private sealed class Context(IPAddress ip, string sender)
    {
        private int _lookups;

        public IPAddress Ip { get; } = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

        public string Sender { get; } = sender;

        public int VoidLookups { get; set; }

        /// <summary>Counts one DNS-querying term; false once over the limit.</summary>
        public bool Count() => ++_lookups <= MaxLookups;
    }

    private sealed record Match(bool Matched, string? Error, bool Temporary)
    {
        public static Match Yes { get; } = new(true, null, false);

        public static Match No { get; } = new(false, null, false);

        public static Match Of(bool matched) => matched ? Yes : No;

        public static Match Limit(string mechanism) => new(false, $"more than {MaxLookups} DNS lookups (RFC 7208 4.6.4) at '{mechanism}'", false);
    }
}
