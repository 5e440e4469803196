using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Herald.Smtp.DevMailbox;

/// <summary>A plain-text connection for SmtpServer; the mailbox offers no STARTTLS (no certificate is configured).</summary>
internal sealed class PlainDuplexPipe(TcpClient client) : ISecurableDuplexPipe
{
    private readonly NetworkStream _stream = client.GetStream();

    public PipeReader Input { get; } = PipeReader.Create(client.GetStream(), new StreamPipeReaderOptions(leaveOpen: true));

    public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream(), new StreamPipeWriterOptions(leaveOpen: true));

    public bool IsSecure => false;

    public SslProtocols SslProtocol => SslProtocols.None;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the development mailbox does not offer TLS");

    public void Dispose()
    {
        Input.Complete();
        Output.Complete();
        _stream.Dispose();
        client.Dispose();
    }
}
