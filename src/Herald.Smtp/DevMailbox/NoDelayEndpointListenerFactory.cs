using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Net;

namespace Herald.Smtp.DevMailbox;

/// <summary>Creates the <see cref="NoDelayEndpointListener"/>; tells when it is listening.</summary>
internal sealed class NoDelayEndpointListenerFactory(Action listening) : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        listening();
        return new NoDelayEndpointListener(listener);
    }
}
