using Herald.Bounces;

namespace Herald.Core.Delivery;

/// <summary>
/// The one place that turns an attempt's result into an outcome (as Npgsql's IsTransient and KumoMTA's
/// Response::is_transient are the one place in theirs). A rejection is classified here, once, and the outcome carries
/// that classification to everyone who learns from it (suppression, incidents, webhooks); whether a reply is final
/// at its stage is <see cref="SmtpReply.IsPermanentAt"/>, and what a scenario means is <see cref="ScenarioFacts"/>.
/// </summary>
public static class OutcomePolicy
{
    /// <summary>Decide what an attempt's result means for the message.</summary>
    /// <param name="attempt">The 1-based number of the attempt that produced <paramref name="result"/>.</param>
    /// <param name="jitterSample">A number in [0, 1) for the retry jitter.</param>
    /// <param name="recipient">The address the attempt was for, named in the classification.</param>
    public static DeliveryOutcome Decide(SmtpSendResult result, int attempt, DateTimeOffset now, DateTimeOffset expiresAt, double jitterSample, string recipient = "")
    {
        switch (result)
        {
            case SmtpSendResult.Accepted a when a.Reply.Code is >= 200 and < 300:
                return new DeliveryOutcome.Delivered(a.Reply, a.RemoteHost, a.Duration);
            case SmtpSendResult.Accepted a:
                return Defer(a.Reply, $"unexpected reply {a.Reply.Code} to end of data", a.RemoteHost, null);
            case SmtpSendResult.Caught c:
                return new DeliveryOutcome.Caught(c.Reply, c.RemoteHost, c.Duration);
            case SmtpSendResult.Rejected r:
                var record = Classify(r, recipient);
                if (record.Delayed)
                {
                    return Defer(r.Reply, $"deferred at {Describe(r.Stage)}", r.RemoteHost, record);
                }

                return ScenarioFacts.Of(record.Scenario).RetryPermanentReply && record.Suppress != SuppressAdvice.Suspend
                    ? Defer(r.Reply, $"blocked at {Describe(r.Stage)} (a gateway, blocklist or authentication block, not the recipient's fault): retrying within the time to live", r.RemoteHost, record)
                    : new DeliveryOutcome.Failed(r.Reply, $"rejected at {Describe(r.Stage)}", r.RemoteHost, record);
            case SmtpSendResult.TransportFailure { Kind: TransportFailureKind.DomainNotFound or TransportFailureKind.NullMx } f:
                var domain = BounceClassifier.ClassifyUndeliverableDomain(recipient, f.Kind == TransportFailureKind.NullMx, f.Detail);
                return new DeliveryOutcome.Failed(null, domain.Diagnostic, f.RemoteHost, domain);
            case SmtpSendResult.TransportFailure f:
                return Defer(null, Describe(f), f.RemoteHost, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result, "unknown send result");
        }

        DeliveryOutcome Defer(SmtpReply? reply, string reason, string? remoteHost, BounceRecord? classification)
        {
            var retryAt = RetrySchedule.NextAttemptAt(attempt, now, jitterSample);
            if (retryAt >= expiresAt)
            {
                // Never schedule past the time to live: a sign-in code that arrives after it expired is worse
                // than none, because the user cannot tell it is useless.
                var last = reply is null ? reason : $"{reason}: {reply}";
                return new DeliveryOutcome.Expired(now, $"no retry possible before the message expires at {expiresAt:u}; last attempt {last}");
            }

            return new DeliveryOutcome.Deferred(retryAt, reply, reason, remoteHost, classification);
        }
    }

    /// <summary>The rejection, classified once. A rejection always yields one record (ClassifyReply on a negative reply).</summary>
    private static BounceRecord Classify(SmtpSendResult.Rejected rejected, string recipient) =>
        BounceClassifier.ClassifyReply(rejected.Reply, recipient, rejected.Stage).Records[0];

    private static string Describe(SmtpStage stage) => stage switch
    {
        SmtpStage.Connect => "connection greeting",
        SmtpStage.Ehlo => "EHLO",
        SmtpStage.StartTls => "STARTTLS",
        SmtpStage.Auth => "AUTH",
        SmtpStage.MailFrom => "MAIL FROM",
        SmtpStage.RcptTo => "RCPT TO",
        SmtpStage.Data => "DATA",
        _ => stage.ToString(),
    };

    private static string Describe(SmtpSendResult.TransportFailure failure) => failure.Kind switch
    {
        TransportFailureKind.ConnectFailed => $"could not connect: {failure.Detail}",
        TransportFailureKind.Timeout => $"timed out: {failure.Detail}",
        TransportFailureKind.ConnectionLost => $"connection lost: {failure.Detail}",
        TransportFailureKind.DnsTemporaryFailure => $"DNS lookup failed temporarily: {failure.Detail}",
        TransportFailureKind.TlsFailed => $"TLS could not be negotiated: {failure.Detail}",
        TransportFailureKind.ProtocolError => $"protocol error: {failure.Detail}",
        _ => failure.Detail,
    };
}
