using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Limits of the inbound bounce listener. Defaults follow what large receivers do for bounce traffic: DSNs and ARF
/// reports are small (they carry at most the original headers), so the limits are tight. See docs/inbound.md.
/// Read from configuration by <see cref="BounceListenerConfiguration"/>.
/// </summary>
public sealed record BounceListenerOptions
{
    /// <summary>
    /// Where to listen. Port 0 picks a free port (see <see cref="BounceListener.LocalEndPoint"/>). Loopback port 2526
    /// by default: it needs no privilege, and in production an MTA or a port forward for the bounce domain's MX sits
    /// in front (docs/inbound.md).
    /// </summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, 2526);

    /// <summary>Name used in the 220 greeting and the EHLO reply.</summary>
    public string ServerName { get; init; } = "localhost";

    /// <summary>
    /// Largest message in octets (advertised as SIZE, RFC 1870). Enforced while reading DATA whether or not the client
    /// declared SIZE=; a DSN with full headers is a few tens of KiB, 10 MiB leaves room for returned bodies.
    /// </summary>
    public int MaxMessageSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>RFC 5321 section 4.5.3.1.8 requires accepting 100; a bounce has one recipient, so we answer 452 sooner.</summary>
    public int MaxRecipients { get; init; } = 10;

    /// <summary>RFC 5321 section 4.5.3.1.6: a text line is at most 1000 octets including CRLF.</summary>
    public int MaxLineLength { get; init; } = 1000;

    /// <summary>Hard deadline for a whole connection; a peer that takes longer is disconnected (slowloris).</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for the next command (RFC 5321 section 4.5.3.2.7 suggests 5 minutes server side).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Connections served at once; more are answered 421 and closed (Postfix's process limit for smtpd).</summary>
    public int MaxConnections { get; init; } = 50;

    /// <summary>
    /// Connections served at once from one client address; more are answered 421 and closed (Postfix
    /// smtpd_client_connection_count_limit). A fifth of <see cref="MaxConnections"/>: one host holding slow connections
    /// (50 of them locked every other peer out for the whole session timeout) leaves room for the others.
    /// </summary>
    public int MaxConnectionsPerClient { get; init; } = 10;

    /// <summary>
    /// The server certificate for STARTTLS (RFC 3207), with its private key; null offers no STARTTLS. Read from
    /// <c>CertificateFile</c> (PFX, or PEM with <c>CertificateKeyFile</c>) by <see cref="BounceListenerConfiguration"/>.
    /// </summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Consecutive failed commands before the session is dropped; slows address probing.</summary>
    public int MaxErrors { get; init; } = 5;
}
