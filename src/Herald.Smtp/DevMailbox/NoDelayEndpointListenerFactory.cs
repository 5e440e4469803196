using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Net;

namespace Herald.Smtp.DevMailbox;

/// <summary>Creates the <see cref="NoDelayEndpointListener"/> (on the listener reserved earlier, if any); tells when it is listening.</summary>
internal sealed class NoDelayEndpointListenerFactory(Action listening, TcpListener? reserved = null) : IEndpointListenerFactory
{
    private TcpListener? _reserved = reserved;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = Interlocked.Exchange(ref _reserved, null) ?? new TcpListener(endpointDefinition.Endpoint);
        listener.Start(); // no-op for a reserved listener, which is already bound and listening
        listening();
        return new NoDelayEndpointListener(listener);
    }
}
