namespace Herald.Core.Doctor;

/// <summary>Asks the DNS where a domain's mail goes: MX, then A/AAAA (RFC 5321 section 5.1), reading RFC 7505's null MX.</summary>
public sealed class MailDomainProbe(IDnsQuery dns)
{
    public async Task<MailDomain> ProbeAsync(string domain, CancellationToken cancellationToken)
    {
        var mx = await dns.QueryAsync(domain, DnsRecordType.Mx, cancellationToken);
        if (Failure(domain, mx) is { } failed)
        {
            return failed;
        }

        // RFC 7505 section 3: a single MX with an empty exchange (".") says the domain takes no mail.
        if (mx.Records.Count == 1 && mx.Records[0].Data.Length == 0)
        {
            return new MailDomain(domain, MailRouting.NullMx, [], null, null, null);
        }

        var hosts = mx.Records.Where(r => r.Data.Length > 0).OrderBy(r => r.Preference).Select(r => r.Data).Distinct(StringComparer.Ordinal).ToList();
        if (hosts.Count > 0)
        {
            var (provider, gateway) = MailHosts.Recognise(hosts);
            provider ??= await ProviderBehindAsync(domain, cancellationToken);
            return new MailDomain(domain, MailRouting.Mx, hosts, provider, gateway, null);
        }

        foreach (var type in (DnsRecordType[])[DnsRecordType.A, DnsRecordType.Aaaa])
        {
            var address = await dns.QueryAsync(domain, type, cancellationToken);
            if (Failure(domain, address) is { } addressFailed)
            {
                return addressFailed;
            }

            if (address.Status == DnsStatus.Answered)
            {
                return new MailDomain(domain, MailRouting.AddressFallback, [], null, null, null);
            }
        }

        return new MailDomain(domain, MailRouting.NoMailServer, [], null, null, null);
    }

    /// <summary>
    /// Behind a gateway the MX names only the gateway; the domain's SPF still names the mailbox provider that sends
    /// its own mail ("include:spf.protection.outlook.com"), which is where its IT allows senders too.
    /// </summary>
    private async Task<MailHost?> ProviderBehindAsync(string domain, CancellationToken cancellationToken)
    {
        var txt = await dns.QueryAsync(domain, DnsRecordType.Txt, cancellationToken);
        var includes = txt.Records.Select(r => r.Data).Where(t => t.StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase))
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.StartsWith("include:", StringComparison.OrdinalIgnoreCase)).Select(t => t["include:".Length..]);
        return MailHosts.Recognise(includes).Provider;
    }

    private static MailDomain? Failure(string domain, DnsAnswer answer) => answer.Status switch
    {
        DnsStatus.NameNotFound => new MailDomain(domain, MailRouting.DomainNotFound, [], null, null, answer.Error ?? "NXDOMAIN"),
        DnsStatus.ServerFailure => new MailDomain(domain, MailRouting.DnsFailure, [], null, null, answer.Error ?? "SERVFAIL"),
        DnsStatus.TimedOut => new MailDomain(domain, MailRouting.TimedOut, [], null, null, answer.Error ?? "no answer"),
        _ => null,
    };
}
