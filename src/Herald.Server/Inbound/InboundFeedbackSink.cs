using Herald.Bounces;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Telemetry;

namespace Herald.Server.Inbound;

/// <summary>
/// Classifies each email the bounce listener accepted and applies it to the original message (an event on its
/// timeline) and to its address (the policy). Everything is committed before the listener answers 250.
/// </summary>
internal sealed class InboundFeedbackSink(IMessageStore store, FeedbackService feedback, HeraldMetrics metrics) : IInboundMailSink
{
    public async ValueTask<InboundResult> AcceptAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        var report = BounceClassifier.ClassifyEmail(mail.Raw.ToArray());
        if (report.Kind is ReportKind.NotABounce or ReportKind.Undefined)
        {
            metrics.InboundMail("rejected");
            return InboundResult.Reject("not a bounce, auto-reply or complaint");
        }

        metrics.InboundMail(report.Kind switch
        {
            ReportKind.Complaint => "complaint",
            ReportKind.AutoReply => "auto-reply",
            _ => "bounce",
        });
        foreach (var recipient in mail.Recipients)
        {
            if (await store.FindByReturnPathAsync(AddressRules.LookupKey(recipient), cancellationToken) is { } message)
            {
                await ApplyAsync(report, message, mail.ReceivedAt, cancellationToken);
            }
        }

        return InboundResult.Accepted;
    }

    private async Task ApplyAsync(BounceReport report, StoredMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The VERP token names the message exactly, so its recipient is the address; a record for another recipient
        // (a DSN listing several) is only used when no record names ours.
        var records = report.Records.Where(r => string.Equals(r.Recipient, message.To, StringComparison.OrdinalIgnoreCase)).ToList();
        if (records.Count == 0)
        {
            records = report.Records.Take(1).ToList();
        }

        var kind = report.Kind switch
        {
            ReportKind.Complaint => FeedbackKind.Complaint,
            ReportKind.AutoReply => FeedbackKind.AutoReply,
            _ => FeedbackKind.Bounce,
        };
        if (records.Count == 0)
        {
            if (kind != FeedbackKind.Bounce)
            {
                await feedback.RecordReportAsync(new FeedbackSignal(message.To, at, kind, message.Id, null, false, Returned: true), message, null, cancellationToken);
            }

            return;
        }

        foreach (var record in records)
        {
            var signal = new FeedbackSignal(message.To, at, kind, message.Id, record, record.Delayed, Returned: true);
            if (kind == FeedbackKind.Bounce)
            {
                metrics.Bounce(record.Reason.ToString(), record.Scenario.ToWire(), "dsn", record.Delayed);
            }

            await feedback.RecordReportAsync(signal, message, null, cancellationToken);
        }
    }
}
