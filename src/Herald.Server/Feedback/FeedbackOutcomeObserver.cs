using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Server.Feedback;

/// <summary>
/// Learns from every stored outcome of our own SMTP sends: a delivery clears the address's current problem, a
/// rejection is classified and applied through the policy (hard bounce: suspend; block: record the gray box).
/// </summary>
internal sealed class FeedbackOutcomeObserver(FeedbackService feedback) : IOutcomeObserver
{
    public async ValueTask OnOutcomeAsync(StoredMessage message, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome is DeliveryOutcome.Delivered && !feedback.Outbox.Wants("delivered")
            && await feedback.Store.GetAsync(message.To, cancellationToken) is { Problem: null, SoftFailures: 0, PendingVerificationId: null })
        {
            // The common case: nothing to clear and nobody to tell. A read instead of a write on every delivery
            // keeps the single writer free for the queue (measured: one writer operation fewer per message).
            return;
        }

        var now = feedback.Time.GetUtcNow();
        var signal = outcome switch
        {
            DeliveryOutcome.Delivered => new FeedbackSignal(message.To, now, FeedbackKind.Delivered, message.Id, null, false),
            DeliveryOutcome.Failed { Reply: { } reply } => Bounce(message, now, BounceClassifier.ClassifyReply(reply, message.To), temporary: false),
            DeliveryOutcome.Failed { Reply: null } f when f.Reason.StartsWith("the recipient's domain", StringComparison.Ordinal) =>
                NoDomain(message, now, f.Reason),
            DeliveryOutcome.Deferred { Reply: { } reply } => Bounce(message, now, BounceClassifier.ClassifyReply(reply, message.To), temporary: true),
            _ => null,
        };
        if (signal is not null)
        {
            await feedback.ApplyAsync(signal, [], cancellationToken);
        }
        else if (outcome is DeliveryOutcome.Suppressed s)
        {
            await NotifyAsync(new FeedbackNotice("suppressed", message.To, now, message.Id, "suspended", s.Reason), cancellationToken);
        }
        else if (outcome is DeliveryOutcome.Expired e)
        {
            // Not the address's fault (nothing for the ledger), but the application must know the message never arrived.
            await NotifyAsync(new FeedbackNotice("failed", message.To, now, message.Id, "expired", e.Reason), cancellationToken);
        }
    }

    private Task<bool> NotifyAsync(FeedbackNotice notice, CancellationToken cancellationToken) =>
        feedback.Store.UpdateAsync(new LedgerUpdate<bool>(notice.Address,
            (ledger, _) => (new LedgerDecision(ledger, [], [notice]), true), null, [], feedback.Outbox.Rows), cancellationToken);

    private static FeedbackSignal? Bounce(StoredMessage message, DateTimeOffset now, BounceReport report, bool temporary) =>
        report.Records.Count == 0 ? null : new FeedbackSignal(message.To, now, FeedbackKind.Bounce, message.Id, report.Records[0], temporary);

    /// <summary>NXDOMAIN or a null MX (RFC 7505): the domain takes no mail, the same as a 5.1.2 bounce.</summary>
    private static FeedbackSignal? NoDomain(StoredMessage message, DateTimeOffset now, string reason)
    {
        var report = BounceClassifier.ClassifyReply(SmtpReply.FromText(550, "5.1.2 " + reason), message.To);
        if (report.Records.Count == 0)
        {
            return null;
        }

        var record = report.Records[0] with { Scenario = Scenario.DomainDoesNotExist, Suppress = SuppressAdvice.Suspend, Actor = Actor.Recipient };
        return new FeedbackSignal(message.To, now, FeedbackKind.Bounce, message.Id, record, false);
    }
}
