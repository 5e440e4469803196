using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Herald.Smtp.Inbound;

/// <summary>
/// The duplex pipe SmtpServer reads the session from, over our counting stream. The reader's buffer size bounds how
/// far past the size limit SmtpServer can read before its Strict check fires (one buffer).
/// </summary>
internal sealed class InboundPipe : ISecurableDuplexPipe
{
    private const int ReadBufferSize = 16 * 1024;
    private readonly InboundConnection _connection;

    public InboundPipe(InboundConnection connection)
    {
        _connection = connection;
        Input = PipeReader.Create(connection.Stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, minimumReadSize: 1024, leaveOpen: true));
        Output = PipeWriter.Create(connection.Stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public bool IsSecure => false;

    public SslProtocols SslProtocol => SslProtocols.None;

    // STARTTLS is not advertised (no certificate is configured), so SmtpServer never calls this.
    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("STARTTLS is not offered by the bounce listener.");

    public void Dispose() => _connection.Dispose();
}
