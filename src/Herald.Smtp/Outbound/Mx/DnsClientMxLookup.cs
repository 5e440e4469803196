using System.Collections.Concurrent;
using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Herald.Smtp.Outbound.Mx;

/// <summary>MX, then A/AAAA when there is no MX, with DnsClient; one client per configured DNS server.</summary>
internal sealed class DnsClientMxLookup : IMxLookup
{
    private readonly ConcurrentDictionary<string, LookupClient> _clients = new(StringComparer.Ordinal);

    public async Task<MxAnswer> LookupAsync(string domain, SmtpRouteOptions route, CancellationToken cancellationToken)
    {
        var client = _clients.GetOrAdd(route.DnsServer ?? string.Empty, _ => Create(route));
        try
        {
            var mx = await client.QueryAsync(domain, QueryType.MX, QueryClass.IN, cancellationToken);
            if (Failed(mx) is { } failure)
            {
                return failure;
            }

            var records = mx.Answers.MxRecords()
                .Select(r => new MxEntry(r.Preference, r.Exchange.Value))
                .ToList();
            if (records.Count > 0)
            {
                return new MxAnswer.Found(records, DomainHasAddress: false);
            }

            foreach (var type in (QueryType[])[QueryType.A, QueryType.AAAA])
            {
                var addresses = await client.QueryAsync(domain, type, QueryClass.IN, cancellationToken);
                if (Failed(addresses) is { } addressFailure)
                {
                    return addressFailure;
                }

                if (addresses.Answers.OfType<AddressRecord>().Any())
                {
                    return new MxAnswer.Found([], DomainHasAddress: true);
                }
            }

            return new MxAnswer.Found([], DomainHasAddress: false);
        }
        catch (DnsResponseException e)
        {
            // DnsClient reports timeouts and unreachable servers this way: nothing was learned about the domain.
            return new MxAnswer.TemporaryFailure(e.Message);
        }
    }

    private static MxAnswer? Failed(IDnsQueryResponse response)
    {
        if (!response.HasError)
        {
            return null;
        }

        return response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
            ? new MxAnswer.DomainNotFound("NXDOMAIN")
            : new MxAnswer.TemporaryFailure(response.ErrorMessage);
    }

    private static LookupClient Create(SmtpRouteOptions route)
    {
        var options = route.DnsServer is null
            ? new LookupClientOptions()
            : new LookupClientOptions(ParseEndpoint(route.DnsServer));
        options.Timeout = route.DnsTimeout;
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        // NXDOMAIN from one server is an answer, not a reason to ask the next one.
        options.ContinueOnDnsError = false;
        options.UseCache = true;
        return new LookupClient(options);
    }

    private static IPEndPoint ParseEndpoint(string value)
    {
        if (!IPEndPoint.TryParse(value, out var endpoint))
        {
            throw new InvalidOperationException($"DnsServer '{value}' is not an IP address with an optional port");
        }

        return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint;
    }
}
