using MailKit.Net.Smtp;

namespace Herald.Smtp.Outbound;

/// <summary>One SMTP connection and what is known about its state.</summary>
internal sealed class PooledConnection : IDisposable
{
    public PooledConnection(string localDomain, SmtpRouteOptions route)
    {
        Tracker = new SmtpSessionTracker();
        Client = new SmtpClient(Tracker)
        {
            LocalDomain = localDomain,
            Timeout = (int)route.Timeout.TotalMilliseconds,
        };
        if (route.Kind == SmtpRouteKind.Direct)
        {
            // MX hosts rarely have certificates for their MX name: opportunistic TLS (RFC 7435, Postfix's
            // smtp_tls_security_level = may) encrypts without authenticating rather than falling back to plain text.
#pragma warning disable CA5359 // accepting any certificate is the point of opportunistic TLS (RFC 7435 section 3)
            Client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
    }

    public SmtpClient Client { get; }

    public SmtpSessionTracker Tracker { get; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> when the connection went idle.</summary>
    public long IdleSince { get; set; }

    public void Dispose() => Client.Dispose();
}
