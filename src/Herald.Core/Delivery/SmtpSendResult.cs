using Herald.Bounces;

namespace Herald.Core.Delivery;

/// <summary>
/// The facts of one delivery attempt as the transport saw them. The transport never decides whether a
/// failure is transient: <see cref="OutcomePolicy"/> is the one place that does.
/// </summary>
public abstract record SmtpSendResult
{
    private SmtpSendResult() { }

    /// <summary>The server answered 2xx to the end of DATA.</summary>
    public sealed record Accepted(SmtpReply Reply, string RemoteHost, TimeSpan Duration) : SmtpSendResult;

    /// <summary>
    /// The development mailbox answered 2xx: the message is kept in memory on this machine and reaches nobody, so it
    /// must never count as a delivery to the address (no ledger change, no <c>delivered</c> webhook).
    /// </summary>
    public sealed record Caught(SmtpReply Reply, string RemoteHost, TimeSpan Duration) : SmtpSendResult;

    /// <summary>The server answered 4xx or 5xx at <paramref name="Stage"/>.</summary>
    public sealed record Rejected(SmtpReply Reply, SmtpStage Stage, string RemoteHost, TimeSpan Duration) : SmtpSendResult;

    /// <summary>No SMTP reply to judge: the connection, DNS or TLS failed.</summary>
    public sealed record TransportFailure(TransportFailureKind Kind, string Detail, string? RemoteHost, TimeSpan Duration) : SmtpSendResult;
}
