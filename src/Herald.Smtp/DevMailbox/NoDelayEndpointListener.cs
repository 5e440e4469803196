using System.Net.Sockets;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Herald.Smtp.DevMailbox;

/// <summary>
/// Accepts connections with Nagle's algorithm off. SmtpServer flushes each reply separately; to a pipelining
/// client (MailKit sends MAIL, RCPT and DATA in one write, RFC 2920) the second and third replies would wait for
/// the client's delayed ACK, about 40 ms per message. With TCP_NODELAY a message takes well under a millisecond.
/// </summary>
internal sealed class NoDelayEndpointListener(TcpListener listener) : IEndpointListener
{
    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        var client = await listener.AcceptTcpClientAsync(cancellationToken);
        client.NoDelay = true;
        context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
        return new PlainDuplexPipe(client);
    }

    public void Dispose() => listener.Stop();
}
