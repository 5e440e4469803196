using Herald.Bounces;

namespace Herald.Core.Delivery;

/// <summary>
/// The one place that decides whether a failure is transient or permanent (as Npgsql's IsTransient and
/// KumoMTA's Response::is_transient are the one place in theirs). Everything else asks this class.
/// </summary>
public static class OutcomePolicy
{
    /// <summary>Decide what an attempt's result means for the message.</summary>
    /// <param name="attempt">The 1-based number of the attempt that produced <paramref name="result"/>.</param>
    /// <param name="jitterSample">A number in [0, 1) for the retry jitter.</param>
    public static DeliveryOutcome Decide(SmtpSendResult result, int attempt, DateTimeOffset now, DateTimeOffset expiresAt, double jitterSample)
    {
        return result switch
        {
            SmtpSendResult.Accepted a when a.Reply.Code is >= 200 and < 300 =>
                new DeliveryOutcome.Delivered(a.Reply, a.RemoteHost, a.Duration),
            SmtpSendResult.Accepted a => Defer(a.Reply, $"unexpected reply {a.Reply.Code} to end of data", a.RemoteHost),
            SmtpSendResult.Rejected r when IsPermanent(r.Reply, r.Stage) && IsSenderSideBlock(r.Reply, r.Stage) =>
                Defer(r.Reply, $"blocked at {Describe(r.Stage)} (a gateway, blocklist or authentication block, not the recipient's fault): retrying within the time to live", r.RemoteHost),
            SmtpSendResult.Rejected r when IsPermanent(r.Reply, r.Stage) =>
                new DeliveryOutcome.Failed(r.Reply, $"rejected at {Describe(r.Stage)}", r.RemoteHost),
            SmtpSendResult.Rejected r => Defer(r.Reply, $"deferred at {Describe(r.Stage)}", r.RemoteHost),
            SmtpSendResult.TransportFailure { Kind: TransportFailureKind.DomainNotFound } f =>
                new DeliveryOutcome.Failed(null, $"the recipient's domain does not exist: {f.Detail}", f.RemoteHost),
            SmtpSendResult.TransportFailure { Kind: TransportFailureKind.NullMx } f =>
                new DeliveryOutcome.Failed(null, $"the recipient's domain accepts no mail (null MX, RFC 7505): {f.Detail}", f.RemoteHost),
            SmtpSendResult.TransportFailure f => Defer(null, Describe(f), f.RemoteHost),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result, "unknown send result"),
        };

        DeliveryOutcome Defer(SmtpReply? reply, string reason, string? remoteHost)
        {
            var retryAt = RetrySchedule.NextAttemptAt(attempt, now, jitterSample);
            if (retryAt >= expiresAt)
            {
                // Never schedule past the time to live: a sign-in code that arrives after it expired is worse
                // than none, because the user cannot tell it is useless.
                var last = reply is null ? reason : $"{reason}: {reply}";
                return new DeliveryOutcome.Expired(now, $"no retry possible before the message expires at {expiresAt:u}; last attempt {last}");
            }

            return new DeliveryOutcome.Deferred(retryAt, reply, reason, remoteHost);
        }
    }

    /// <summary>
    /// 5xx is permanent, except 552 to RCPT: RFC 5321 section 4.5.3.1.10 says some servers wrongly answer
    /// 552 for "too many recipients", and clients must treat it as temporary. A refused AUTH (535, RFC 4954 6) is
    /// never permanent either: it means our relay credentials are wrong, which the operator fixes, so messages wait
    /// for the fix (within their time to live) instead of failing for every recipient. Codes outside 4xx/5xx where a
    /// negative reply was expected are protocol errors: treated as transient.
    /// </summary>
    public static bool IsPermanent(SmtpReply reply, SmtpStage stage) =>
        reply.IsPermanentNegative && !(reply.Code == 552 && stage == SmtpStage.RcptTo) && stage != SmtpStage.Auth;

    /// <summary>
    /// A 5xx from a security gateway (Mimecast, Proofpoint), a blocklist (Spamhaus) or a DMARC/SPF check is about the
    /// sender's reputation or the recipient's IT, not the address: such blocks are often lifted within hours (an
    /// allow-list entry, a delisting), so the message is retried within its time to live instead of failed at once.
    /// </summary>
    public static bool IsSenderSideBlock(SmtpReply reply, SmtpStage stage)
    {
        var report = Bounces.BounceClassifier.ClassifyReply(reply, "", stage);
        return report.Records.Count > 0 && report.Records[0] is { Suppress: not Bounces.SuppressAdvice.Suspend } record
            && record.Scenario is Bounces.Scenario.SecurityGatewayBlock or Bounces.Scenario.Blocklisted or Bounces.Scenario.SenderAuthentication;
    }

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
