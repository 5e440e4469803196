using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Smtp.Tests.Infrastructure;

/// <summary>
/// A tiny authoritative DNS server on 127.0.0.1 (UDP, RFC 1035 wire format) answering MX and A queries from a
/// table, so that the DnsClient lookup is tested against real packets. Names not in the table get NXDOMAIN.
/// </summary>
internal sealed class ScriptedDnsServer : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedDnsServer()
    {
        Endpoint = $"127.0.0.1:{((IPEndPoint)_udp.Client.LocalEndPoint!).Port}";
        _loop = ServeAsync();
    }

    public string Endpoint { get; }

    public Dictionary<string, (int Preference, string Exchange)[]> Mx { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, IPAddress> A { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> ServFail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Silent { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var request = await _udp.ReceiveAsync(_stop.Token);
            if (Answer(request.Buffer) is { } response)
            {
                await _udp.SendAsync(response, request.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        var (name, end) = ReadName(query, 12);
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(end));
        var question = query.AsSpan(12, end + 4 - 12);
        if (Silent.Contains(name))
        {
            return null;
        }

        var answers = new List<byte[]>();
        var rcode = 0;
        if (ServFail.Contains(name))
        {
            rcode = 2;
        }
        else if (!Mx.ContainsKey(name) && !A.ContainsKey(name))
        {
            rcode = 3;
        }
        else if (type == 15 && Mx.TryGetValue(name, out var mx))
        {
            answers.AddRange(mx.Select(r => Record(15, [(byte)(r.Preference >> 8), (byte)r.Preference, .. EncodeName(r.Exchange)])));
        }
        else if (type == 1 && A.TryGetValue(name, out var address))
        {
            answers.Add(Record(1, address.GetAddressBytes()));
        }

        var response = new List<byte>();
        response.AddRange(query.AsSpan(0, 2).ToArray());
        response.AddRange([0x84, (byte)(0x00 | rcode)]); // QR, AA; RCODE
        response.AddRange([0, 1, 0, (byte)answers.Count, 0, 0, 0, 0]);
        response.AddRange(question.ToArray());
        answers.ForEach(response.AddRange);
        return [.. response];
    }

    private static byte[] Record(ushort type, byte[] data) =>
        [0xC0, 12, (byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 60, (byte)(data.Length >> 8), (byte)data.Length, .. data];

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static (string Name, int End) ReadName(byte[] packet, int offset)
    {
        var labels = new List<string>();
        while (packet[offset] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(packet, offset + 1, packet[offset]));
            offset += packet[offset] + 1;
        }

        return (string.Join('.', labels), offset + 1);
    }
}
