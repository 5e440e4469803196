namespace Herald.Core.Delivery;

/// <summary>Sends one message over SMTP (port). Implementations pool connections per route.</summary>
public interface ISmtpTransport
{
    /// <summary>Never throws for anything the network or the server did; those are results.</summary>
    Task<SmtpSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
