using System.Net;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Counts open sessions, in all and per client address, so that a flood of connections cannot exhaust sockets,
/// memory or the sink, and so that one host holding slow connections cannot lock every other peer out (Postfix's
/// smtpd_client_connection_count_limit, per client, under its process limit).
/// </summary>
internal sealed class ConnectionGate(int max, int maxPerClient)
{
    private readonly Dictionary<IPAddress, int> _perClient = [];
    private readonly Lock _lock = new();
    private int _active;

    public int Active => Volatile.Read(ref _active);

    public GateVerdict TryEnter(IPAddress client)
    {
        client = Normalise(client);
        lock (_lock)
        {
            if (_active >= max)
            {
                return GateVerdict.TooManyConnections;
            }

            var fromClient = _perClient.GetValueOrDefault(client);
            if (fromClient >= maxPerClient)
            {
                return GateVerdict.TooManyFromClient;
            }

            _perClient[client] = fromClient + 1;
            Volatile.Write(ref _active, _active + 1);
            return GateVerdict.Admitted;
        }
    }

    public void Release(IPAddress client)
    {
        client = Normalise(client);
        lock (_lock)
        {
            if (_perClient.TryGetValue(client, out var count))
            {
                if (count <= 1)
                {
                    _perClient.Remove(client);
                }
                else
                {
                    _perClient[client] = count - 1;
                }
            }

            Volatile.Write(ref _active, _active - 1);
        }
    }

    /// <summary>An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d; it is the same host as a.b.c.d.</summary>
    private static IPAddress Normalise(IPAddress client) => client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
}
