using System.Net;
using System.Net.Sockets;

namespace Herald.Smtp.Inbound;

/// <summary>
/// One accepted TCP connection: its byte counter, its hard session deadline and its slot in the connection gate.
/// Closed exactly once, whichever comes first: SmtpServer ending the session or the deadline.
/// </summary>
internal sealed class InboundConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly IPAddress _address;
    private readonly ConnectionGate _gate;
    private readonly Action<long> _onClosed;
    private readonly CancellationTokenSource _deadline;
    private int _closed;

    public InboundConnection(TcpClient client, IPAddress address, ConnectionGate gate, TimeSpan sessionTimeout, TimeProvider time, Action<long> onClosed)
    {
        _client = client;
        _address = address;
        _gate = gate;
        _onClosed = onClosed;
        Stream = new CountingStream(client.GetStream());
        _deadline = new CancellationTokenSource(sessionTimeout, time);

        // Closing the socket is the only way to stop a peer that dribbles bytes slower than the command timeout.
        _deadline.Token.Register(static state => ((InboundConnection)state!).Dispose(), this);
    }

    public CountingStream Stream { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _client.Dispose();
        _gate.Release(_address);
        _onClosed(Stream.BytesRead);
        _deadline.Dispose();
    }
}
