using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Herald.Testing.Dns;

/// <summary>
/// A real DNS server on 127.0.0.1 (UDP and TCP, ARSoft.Tools.Net's DnsServer) answering from test zones written as
/// lines: "name TYPE data" (MX "10 host", TXT text, A, AAAA, PTR), "name NXDOMAIN" and "name SERVFAIL". A name with
/// records of other types answers NOERROR with no data, any other name NXDOMAIN, as an authoritative server would.
/// </summary>
internal sealed class TestDnsServer : IDisposable
{
    private readonly DnsServer _server;
    private readonly Dictionary<string, List<DnsRecordBase>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _failing = new(StringComparer.OrdinalIgnoreCase);

    public TestDnsServer(params string[] zone)
    {
        foreach (var line in zone)
        {
            Add(line);
        }

        Port = FreePort();
        var endpoint = new IPEndPoint(IPAddress.Loopback, Port);
        _server = new DnsServer(new UdpServerTransport(endpoint, 5000), new TcpServerTransport(endpoint, 5000, 120000));
        _server.QueryReceived += AnswerAsync;
        _server.Start();
    }

    public int Port { get; }

    /// <summary>"127.0.0.1:port", as Herald:Doctor:Dns:Server takes it.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    public void Dispose() => _server.Stop();

    private void Add(string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var name = parts[0].TrimEnd('.');
        if (parts[1] is "SERVFAIL")
        {
            _failing.Add(name);
            return;
        }

        if (parts[1] is "NXDOMAIN")
        {
            return;
        }

        var owner = DomainName.Parse(name);
        DnsRecordBase record = parts[1] switch
        {
            "MX" => Mx(owner, parts[2]),
            "TXT" => new TxtRecord(owner, 300, Chunks(parts[2])),
            "A" => new ARecord(owner, 300, IPAddress.Parse(parts[2])),
            "AAAA" => new AaaaRecord(owner, 300, IPAddress.Parse(parts[2])),
            "PTR" => new PtrRecord(owner, 300, DomainName.Parse(parts[2])),
            _ => throw new ArgumentException($"unknown record type in test zone line '{line}'", nameof(line)),
        };
        if (!_records.TryGetValue(name, out var list))
        {
            _records[name] = list = [];
        }

        list.Add(record);
    }

    private static MxRecord Mx(DomainName owner, string data)
    {
        var mx = data.Split(' ');
        return new MxRecord(owner, 300, ushort.Parse(mx[0], CultureInfo.InvariantCulture), mx[1] == "." ? DomainName.Root : DomainName.Parse(mx[1]));
    }

    /// <summary>A TXT string holds at most 255 octets (RFC 1035 3.3.14): long records (DKIM keys) are several strings.</summary>
    private static List<string> Chunks(string text) =>
        Enumerable.Range(0, (text.Length + 254) / 255).Select(i => text.Substring(i * 255, Math.Min(255, text.Length - (i * 255)))).ToList();

    private Task AnswerAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query || query.Questions.Count != 1)
        {
            return Task.CompletedTask;
        }

        var response = query.CreateResponseInstance();
        var question = query.Questions[0];
        var name = question.Name.ToString().TrimEnd('.');
        response.IsAuthoritiveAnswer = true;
        if (_failing.Contains(name))
        {
            response.ReturnCode = ReturnCode.ServerFailure;
        }
        else if (_records.TryGetValue(name, out var records))
        {
            response.ReturnCode = ReturnCode.NoError;
            response.AnswerRecords.AddRange(records.Where(r => r.RecordType == question.RecordType));
        }
        else
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        e.Response = response;
        return Task.CompletedTask;
    }

    /// <summary>A port free for both UDP and TCP on 127.0.0.1 right now.</summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // taken for UDP: try another
            }
        }
    }
}
