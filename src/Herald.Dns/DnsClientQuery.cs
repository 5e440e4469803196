using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Herald.Core.Doctor;

namespace Herald.Dns;

/// <summary>
/// <see cref="Herald.Core.Doctor.IDnsQuery"/> with DnsClient. Every outcome is a value: NXDOMAIN, SERVFAIL and time-outs are what the
/// doctor reports, so none of them is an exception here.
/// </summary>
public sealed class DnsClientQuery : Herald.Core.Doctor.IDnsQuery
{
    private readonly LookupClient _client;

    public DnsClientQuery(DnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Server is null ? new LookupClientOptions() : new LookupClientOptions(ParseEndpoint(options.Server));
        settings.Timeout = options.Timeout;
        settings.Retries = 0;
        settings.ThrowDnsErrors = false;
        // NXDOMAIN or SERVFAIL from one server is the answer to report, not a reason to ask the next one.
        settings.ContinueOnDnsError = false;
        settings.ContinueOnEmptyResponse = false;
        settings.UseCache = false;
        _client = new LookupClient(settings);
    }

    public async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(name, Type(type), QueryClass.IN, cancellationToken);
            if (response.HasError)
            {
                return response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
                    ? new DnsAnswer(DnsStatus.NameNotFound, [], $"NXDOMAIN for {name}")
                    : new DnsAnswer(DnsStatus.ServerFailure, [], $"{response.Header.ResponseCode} for {name} {type}: {response.ErrorMessage}");
            }

            return DnsAnswer.Of(response.Answers.Select(Record).OfType<DnsRecord>().ToList());
        }
        catch (DnsResponseException e) when (e.Code is DnsResponseCode.ConnectionTimeout)
        {
            return new DnsAnswer(DnsStatus.TimedOut, [], $"no answer for {name} {type}: {e.Message}");
        }
        catch (DnsResponseException e)
        {
            // Unreachable server, truncated or unreadable answer: the name's servers could not be asked properly.
            return new DnsAnswer(DnsStatus.ServerFailure, [], $"{name} {type}: {e.Message}");
        }
    }

    private static QueryType Type(DnsRecordType type) => type switch
    {
        DnsRecordType.Mx => QueryType.MX,
        DnsRecordType.Txt => QueryType.TXT,
        DnsRecordType.A => QueryType.A,
        DnsRecordType.Aaaa => QueryType.AAAA,
        DnsRecordType.Reverse => QueryType.PTR,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Only the records of the asked type (a CNAME on the way is followed by the server).</summary>
    private static DnsRecord? Record(DnsResourceRecord record) => record switch
    {
        MxRecord mx => new DnsRecord(Host(mx.Exchange.Value), mx.Preference),
        // RFC 7208 3.3: a TXT record's strings are joined with nothing between them.
        TxtRecord txt => new DnsRecord(string.Concat(txt.Text)),
        AddressRecord address => new DnsRecord(address.Address.ToString()),
        PtrRecord ptr => new DnsRecord(Host(ptr.PtrDomainName.Value)),
        _ => null,
    };

    private static string Host(string value) => value.TrimEnd('.').ToLowerInvariant();

    private static IPEndPoint ParseEndpoint(string value)
    {
        if (!IPEndPoint.TryParse(value, out var endpoint))
        {
            throw new InvalidOperationException($"Herald:Doctor:Dns:Server '{value}' is not an IP address with an optional port");
        }

        return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint;
    }
}
