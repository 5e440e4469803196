using System.Net;
using Herald.Bounces;

namespace Herald.Core.Doctor;

/// <summary>
/// Does the DNS say what receivers need to trust Herald's mail? For every From domain and the bounce domain: SPF
/// authorises each route (RFC 7208), the DKIM record matches the configured key (RFC 6376 3.6.1), DMARC exists and
/// aligns through SPF or DKIM (RFC 7489 3.1); the bounce domain's MX reaches the listener; a direct route's addresses
/// have forward-confirmed reverse DNS (RFC 8601 2.7.3 "iprev", which Gmail and Microsoft require of bulk senders).
/// Every problem is the sender's (Herald's operator) to fix.
/// </summary>
public sealed class SenderCheck(IDnsQuery dns)
{
    public async Task<SenderReport> CheckAsync(SenderSetup setup, CancellationToken cancellationToken)
    {
        var causes = new List<Cause>();
        var ok = new List<string>();
        var spf = new SpfEvaluator(dns);
        var domains = setup.FromDomains.Append(setup.BounceDomain).Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var sources = await SourcesAsync(setup, ok, cancellationToken);
        var spfPasses = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var domain in domains)
        {
            spfPasses[domain] = await SpfAsync(spf, domain, sources, causes, ok, cancellationToken);
        }

        foreach (var key in setup.DkimKeys)
        {
            await DkimAsync(key, causes, ok, cancellationToken);
        }

        foreach (var from in setup.FromDomains.Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            await DmarcAsync(from, setup, spfPasses.GetValueOrDefault(setup.BounceDomain.ToLowerInvariant()), causes, ok, cancellationToken);
        }

        await BounceMxAsync(setup, causes, ok, cancellationToken);
        foreach (var (route, address) in sources.Where(s => s.Route.Direct))
        {
            await PtrAsync(route, address, causes, ok, cancellationToken);
        }

        return new SenderReport(causes.OrderBy(c => c.Rank).ToList(), ok);
    }

    /// <summary>The addresses each route's mail leaves from: the configured sending hosts, else a relay's own address.</summary>
    private async Task<List<(RouteFact Route, IPAddress Address)>> SourcesAsync(SenderSetup setup, List<string> ok, CancellationToken cancellationToken)
    {
        var configured = new List<IPAddress>();
        foreach (var host in setup.SendingHosts)
        {
            configured.AddRange(await AddressesAsync(host, cancellationToken));
        }

        var sources = new List<(RouteFact, IPAddress)>();
        foreach (var route in setup.Routes)
        {
            var addresses = configured.Count > 0 ? configured : route.Host is { } relay ? await AddressesAsync(relay, cancellationToken) : [];
            if (addresses.Count == 0)
            {
                ok.Add($"route {route.Name}: not checked against SPF/PTR: list the addresses it sends from in Herald:Pages:SendingHosts");
            }

            sources.AddRange(addresses.Select(a => (route, a)));
        }

        return sources;
    }

    private async Task<List<IPAddress>> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        var found = new List<IPAddress>();
        foreach (var type in (DnsRecordType[])[DnsRecordType.A, DnsRecordType.Aaaa])
        {
            var answer = await dns.QueryAsync(host, type, cancellationToken);
            found.AddRange(answer.Records.Select(r => IPAddress.TryParse(r.Data, out var a) ? a : null).OfType<IPAddress>());
        }

        return found;
    }

    private static async Task<bool> SpfAsync(
        SpfEvaluator spf, string domain, List<(RouteFact Route, IPAddress Address)> sources, List<Cause> causes, List<string> ok, CancellationToken cancellationToken)
    {
        var (record, failed) = await spf.RecordAsync(domain, cancellationToken);
        if (failed is not null)
        {
            causes.Add(failed.Result switch
            {
                SpfResult.None => new Cause(CauseCodes.SpfMissing, Actor.Sender, $"{domain} publishes no SPF record: receivers cannot tell Herald's mail from forgeries.",
                    $"Publish a TXT record at {domain}: \"v=spf1 {Mechanisms(sources)} ~all\".", failed.Detail),
                SpfResult.TempError => new Cause(CauseCodes.SenderDns, Actor.Sender, $"The DNS of {domain} did not answer the SPF question.",
                    "Check the domain's DNS servers, then run the sender check again.", failed.Detail),
                _ => new Cause(CauseCodes.SpfBroken, Actor.Sender, $"The SPF of {domain} is unusable: {failed.Detail}.", "Merge the records into one.", failed.Record),
            });
            return false;
        }

        var all = true;
        foreach (var (route, address) in sources)
        {
            var verdict = await spf.CheckAsync(address, domain, "postmaster@" + domain, cancellationToken);
            if (verdict.Result == SpfResult.Pass)
            {
                ok.Add($"SPF of {domain} authorises route {route.Name} ({address}): {verdict.Detail}");
                continue;
            }

            all = false;
            causes.Add(verdict.Result is SpfResult.PermError or SpfResult.TempError
                ? new Cause(CauseCodes.SpfBroken, Actor.Sender, $"The SPF of {domain} cannot be evaluated ({verdict.Result.ToString().ToLowerInvariant()}): {verdict.Detail}.",
                    $"Fix the record at {domain} (at most 10 DNS-querying terms: flatten includes or remove unused ones).", record)
                : new Cause(CauseCodes.SpfNotAuthorised, Actor.Sender,
                    $"The SPF of {domain} does not authorise route {route.Name} ({address}): the result is {verdict.Result.ToString().ToLowerInvariant()}.",
                    $"Add {Mechanism(address)} (or the relay's include) to the SPF record of {domain}.", record));
        }

        return all && sources.Count > 0;
    }

    private async Task DkimAsync(DkimKeyFact key, List<Cause> causes, List<string> ok, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync(key.RecordName, DnsRecordType.Txt, cancellationToken);
        var record = answer.Records.Select(r => r.Data).FirstOrDefault(r => DmarcAlignment.Tag(r, "p") is not null);
        var publish = key.PublicKey is { } p ? $"Publish a TXT record at {key.RecordName}: \"v=DKIM1; k={(key.Algorithm.StartsWith("ed25519", StringComparison.OrdinalIgnoreCase) ? "ed25519" : "rsa")}; p={p}\"." : $"Publish the key's public half at {key.RecordName}.";
        if (!answer.IsAnswer)
        {
            causes.Add(new Cause(CauseCodes.SenderDns, Actor.Sender, $"The DNS did not answer for {key.RecordName}.", "Check the domain's DNS servers, then run the sender check again.", answer.Error));
        }
        else if (record is null)
        {
            causes.Add(new Cause(CauseCodes.DkimMissing, Actor.Sender, $"No DKIM record at {key.RecordName}: every signature Herald makes fails to verify.", publish));
        }
        else if (key.PublicKey is { } expected && !string.Equals(Compact(DmarcAlignment.Tag(record, "p")!), expected, StringComparison.Ordinal))
        {
            causes.Add(new Cause(CauseCodes.DkimMismatch, Actor.Sender, $"The DKIM record at {key.RecordName} holds another key than the one Herald signs with: signatures fail.",
                publish + " (or configure the key that matches the record)", record));
        }
        else
        {
            ok.Add($"DKIM record at {key.RecordName} matches the configured key");
        }
    }

    private async Task DmarcAsync(string from, SenderSetup setup, bool spfPasses, List<Cause> causes, List<string> ok, CancellationToken cancellationToken)
    {
        var record = await DmarcRecordAsync(from, cancellationToken) ?? await DmarcRecordAsync(DmarcAlignment.Organisational(from), cancellationToken);
        if (record is null)
        {
            causes.Add(new Cause(CauseCodes.DmarcMissing, Actor.Sender, $"{from} publishes no DMARC record: Gmail and Yahoo require one of bulk senders, and many receivers distrust mail without it.",
                $"Publish a TXT record at _dmarc.{from}: \"v=DMARC1; p=none; rua=mailto:dmarc@{from}\" (tighten p= once reports are clean)."));
            return;
        }

        var spfStrict = string.Equals(DmarcAlignment.Tag(record, "aspf"), "s", StringComparison.OrdinalIgnoreCase);
        var dkimStrict = string.Equals(DmarcAlignment.Tag(record, "adkim"), "s", StringComparison.OrdinalIgnoreCase);
        var spfAligned = spfPasses && DmarcAlignment.Aligned(from, setup.BounceDomain, spfStrict);
        var dkimAligned = setup.DkimKeys.Any(k => DmarcAlignment.Aligned(from, k.Domain, dkimStrict));
        if (spfAligned || dkimAligned)
        {
            ok.Add($"DMARC of {from} aligns through {(dkimAligned ? "DKIM" : "SPF")}");
            return;
        }

        causes.Add(new Cause(CauseCodes.DmarcNotAligned, Actor.Sender,
            $"Mail from {from} cannot pass DMARC: the envelope domain {setup.BounceDomain} {(spfPasses ? "does not align" : "does not pass SPF")} ({(spfStrict ? "strict" : "relaxed")}), and no DKIM key signs as {from}{(dkimStrict ? " exactly" : " or its organisational domain")}.",
            $"Configure a DKIM key for {from} (Herald:Smtp:Dkim:Keys) and publish it, or use a bounce domain under {DmarcAlignment.Organisational(from)} whose SPF covers the routes.", record));
    }

    private async Task<string?> DmarcRecordAsync(string domain, CancellationToken cancellationToken) =>
        (await dns.QueryAsync("_dmarc." + domain, DnsRecordType.Txt, cancellationToken)).Records.Select(r => r.Data)
            .FirstOrDefault(r => r.StartsWith("v=DMARC1", StringComparison.OrdinalIgnoreCase));

    private async Task BounceMxAsync(SenderSetup setup, List<Cause> causes, List<string> ok, CancellationToken cancellationToken)
    {
        var domain = await new MailDomainProbe(dns).ProbeAsync(setup.BounceDomain, cancellationToken);
        var next = $"Publish an MX record for {setup.BounceDomain} naming the host where Herald's bounce listener is reachable on port 25{(setup.InboundHost is { } h ? $" ({h})" : "")}.";
        if (domain.Routing != MailRouting.Mx)
        {
            causes.Add(new Cause(CauseCodes.BounceMx, Actor.Sender, $"The bounce domain {setup.BounceDomain} has no MX record ({domain.Routing}): bounces and complaints never come back, so bad addresses are never suspended.", next, domain.Error));
            return;
        }

        if (setup.InboundHost is { } inbound)
        {
            var wanted = await AddressesAsync(inbound, cancellationToken);
            var reached = new List<IPAddress>();
            foreach (var host in domain.MxHosts)
            {
                reached.AddRange(await AddressesAsync(host, cancellationToken));
            }

            if (!domain.MxHosts.Contains(inbound.ToLowerInvariant(), StringComparer.Ordinal) && !reached.Intersect(wanted).Any())
            {
                causes.Add(new Cause(CauseCodes.BounceMx, Actor.Sender, $"The MX of {setup.BounceDomain} ({string.Join(", ", domain.MxHosts)}) does not point at the bounce listener {inbound}: bounces go elsewhere.", next));
                return;
            }
        }

        ok.Add($"MX of {setup.BounceDomain}: {string.Join(", ", domain.MxHosts)}");
    }

    private async Task PtrAsync(RouteFact route, IPAddress address, List<Cause> causes, List<string> ok, CancellationToken cancellationToken)
    {
        var names = (await dns.QueryAsync(ReverseName(address), DnsRecordType.Reverse, cancellationToken)).Records.Select(r => r.Data).ToList();
        foreach (var name in names)
        {
            if ((await AddressesAsync(name, cancellationToken)).Contains(address))
            {
                ok.Add($"route {route.Name}: {address} has reverse DNS {name}, which resolves back");
                return;
            }
        }

        causes.Add(new Cause(CauseCodes.PtrNotConfirmed, Actor.Sender,
            names.Count == 0 ? $"{address} (route {route.Name}) has no reverse DNS (PTR): Gmail, Microsoft and most gateways refuse such senders."
                : $"The reverse DNS of {address} (route {route.Name}), {string.Join(", ", names)}, does not resolve back to it.",
            $"Ask the provider of {address} to set its PTR to a name whose A/AAAA record is {address} (forward-confirmed reverse DNS)."));
    }

    internal static string ReverseName(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return bytes.Length == 4
            ? string.Join('.', bytes.Reverse().Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ".in-addr.arpa"
            : string.Join('.', bytes.Reverse().SelectMany(b => new[] { b & 0xF, b >> 4 }).Select(n => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture))) + ".ip6.arpa";
    }

    private static string Mechanism(IPAddress a) => (a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ip6:" : "ip4:") + a;

    private static string Mechanisms(List<(RouteFact Route, IPAddress Address)> sources) =>
        sources.Count == 0 ? "mx" : string.Join(' ', sources.Select(s => Mechanism(s.Address)).Distinct(StringComparer.Ordinal));

    private static string Compact(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
}
