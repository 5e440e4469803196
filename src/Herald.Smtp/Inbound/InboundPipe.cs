using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Herald.Smtp.Inbound;

/// <summary>
/// The duplex pipe SmtpServer reads the session from, over our counting stream. The reader's buffer size bounds how
/// far past the size limit SmtpServer can read before its Strict check fires (one buffer). STARTTLS (RFC 3207) puts a
/// TLS stream between the two and starts new pipes over it.
/// </summary>
internal sealed class InboundPipe : ISecurableDuplexPipe
{
    private const int ReadBufferSize = 16 * 1024;
    private readonly InboundConnection _connection;
    private SslStream? _tls;

    public InboundPipe(InboundConnection connection)
    {
        _connection = connection;
        (Input, Output) = Pipes(connection.Stream);
    }

    public PipeReader Input { get; private set; }

    public PipeWriter Output { get; private set; }

    public bool IsSecure => _tls is not null;

    public SslProtocols SslProtocol => _tls?.SslProtocol ?? SslProtocols.None;

    /// <summary>
    /// Called by SmtpServer after it answered 220 to STARTTLS (advertised only with a certificate). The old reader is
    /// dropped with whatever it had buffered: plaintext a client pipelined after STARTTLS must not be read as commands of
    /// the TLS session (RFC 3207 section 4.2, the STARTTLS command injection of CVE-2011-0411).
    /// </summary>
    public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
    {
        var tls = new SslStream(_connection.Stream, leaveInnerStreamOpen: true);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = protocols,
                ClientCertificateRequired = false,
                // Bounce senders present no client certificate; there is nothing to check for revocation.
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }, cancellationToken);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }

        await Input.CompleteAsync();
        _tls = tls;
        (Input, Output) = Pipes(tls);
    }

    public void Dispose()
    {
        _tls?.Dispose();
        _connection.Dispose();
    }

    private static (PipeReader, PipeWriter) Pipes(Stream stream) => (
        PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, minimumReadSize: 1024, leaveOpen: true)),
        PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)));
}
