using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Replaces SmtpServer's default listener to add what it lacks: connection limits in all and per client address (421
/// and close, like Postfix at its process limit and at smtpd_client_connection_count_limit), a hard session deadline,
/// and a byte counter per connection.
/// </summary>
internal sealed class GatedEndpointListener : IEndpointListener
{
    private readonly TcpListener _listener;
    private readonly BounceListenerOptions _options;
    private readonly ConnectionGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<long> _onClosed;

    public GatedEndpointListener(
        IPEndPoint endpoint, BounceListenerOptions options, ConnectionGate gate, TimeProvider time, ILogger logger, Action<long> onClosed)
    {
        _options = options;
        _gate = gate;
        _time = time;
        _logger = logger;
        _onClosed = onClosed;
        _listener = new TcpListener(endpoint);
        _listener.Start();
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
    }

    public IPEndPoint LocalEndPoint { get; }

    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            var remote = client.Client.RemoteEndPoint;
            var address = (remote as IPEndPoint)?.Address ?? IPAddress.None;
            switch (_gate.TryEnter(address))
            {
                case GateVerdict.TooManyConnections:
                    InboundLog.ConnectionRefused(_logger, remote?.ToString() ?? "unknown");
                    await RefuseAsync(client, InboundReplies.TooManyConnections);
                    continue;
                case GateVerdict.TooManyFromClient:
                    InboundLog.ClientConnectionRefused(_logger, remote?.ToString() ?? "unknown", _options.MaxConnectionsPerClient);
                    await RefuseAsync(client, InboundReplies.TooManyConnectionsFromClient);
                    continue;
            }

            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = remote!;
            var connection = new InboundConnection(client, address, _gate, _options.SessionTimeout, _time, _onClosed);
            context.Properties[SessionKeys.Connection] = connection;
            return new InboundPipe(connection);
        }
    }

    public void Dispose() => _listener.Stop();

    private static async Task RefuseAsync(TcpClient client, byte[] reply)
    {
        using (client)
        {
            // Bounded so that a peer which never reads cannot stall the accept loop.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await client.GetStream().WriteAsync(reply, timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The peer is gone or slow; closing is all that is left to do.
            }
        }
    }
}
