using System.Diagnostics;
using System.Diagnostics.Metrics;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Health;

namespace Herald.Server.Telemetry;

/// <summary>
/// Herald's instruments on the meter <see cref="HeraldTelemetry.Name"/>. Each records a fact decided elsewhere (an
/// outcome, a notice, a classified report); nothing here decides. Instruments nobody listens to cost a branch, so the
/// recording stays on whether or not an exporter is configured.
/// </summary>
internal sealed class HeraldMetrics
{
    /// <summary>Seconds: 5 ms to 10 min, so an SMTP transaction and a retried delivery both land in a bucket of their own.</summary>
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600];

    private readonly Counter<long> _messages;
    private readonly Histogram<double> _attempt;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _bounces;
    private readonly Counter<long> _notices;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _inbound;
    private readonly Histogram<double> _claim;
    private readonly Histogram<double> _commit;

    public HeraldMetrics(IMeterFactory meters, QueueBacklog backlog, WebhookBacklogGauge webhooks)
    {
        var meter = meters.Create(HeraldTelemetry.Name);
        _messages = meter.CreateCounter<long>(HeraldTelemetry.Messages, "{message}",
            "Messages by outcome (accepted, delivered, deferred, failed, expired, suppressed, skipped, caught, throttled), type, route and priority");
        _attempt = meter.CreateHistogram<double>(HeraldTelemetry.AttemptDuration, "s", "One delivery attempt, claim to outcome, by priority and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _latency = meter.CreateHistogram<double>(HeraldTelemetry.DeliveryLatency, "s", "Acceptance to delivery, by priority",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _bounces = meter.CreateCounter<long>(HeraldTelemetry.Bounces, "{bounce}",
            "Classified rejections and bounces by reason, scenario, source (smtp: during the attempt; dsn: returned later) and whether temporary");
        _notices = meter.CreateCounter<long>(HeraldTelemetry.Notices, "{notice}",
            "Decisions about addresses as the application hears of them (bounced, failed, complained, suppressed, unblocked, delivered) by reason");
        _webhooks = meter.CreateCounter<long>(HeraldTelemetry.WebhookDeliveries, "{attempt}", "Webhook attempts by endpoint and result (delivered, failed)");
        _inbound = meter.CreateCounter<long>(HeraldTelemetry.Inbound, "{message}", "Mail to the bounce domain by kind (bounce, complaint, auto-reply, rejected)");
        _claim = meter.CreateHistogram<double>(HeraldTelemetry.StoreClaim, "s", "Claiming a batch of due jobs, by lane",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _commit = meter.CreateHistogram<double>(HeraldTelemetry.StoreCommit, "s", "Storing an outcome (a group-committed write), by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        meter.CreateObservableGauge(HeraldTelemetry.QueueDepth, () => Backlog(backlog).Select(d => new Measurement<long>(d.Count, Priority(d.Priority))),
            "{message}", "Messages waiting (queued or deferred) by priority");
        meter.CreateObservableGauge(HeraldTelemetry.QueueOldestAge, () => Backlog(backlog).Select(d => new Measurement<double>(
                d.OldestCreatedAt is { } oldest ? Math.Max(0, (backlog.Now - oldest).TotalSeconds) : 0, Priority(d.Priority))),
            "s", "Age of the oldest waiting message by priority (0 when none waits)");
        meter.CreateObservableGauge(HeraldTelemetry.WebhookBacklog, () => webhooks.Read().Select(b => new Measurement<long>(b.Pending, Endpoint(b.Endpoint))),
            "{event}", "Webhook events waiting for their first or next attempt, by endpoint");
        meter.CreateObservableGauge(HeraldTelemetry.WebhookDeadLetters, () => webhooks.Read().Select(b => new Measurement<long>(b.Dead, Endpoint(b.Endpoint))),
            "{event}", "Webhook events given up after the last attempt (dead letters) until replayed, by endpoint");
    }

    public bool Enabled => _messages.Enabled;

    public void Message(string outcome, StoredMessage message) =>
        _messages.Add(1, new TagList { { "outcome", outcome }, { "type", message.Type }, { "route", message.Route }, { "priority", message.Priority.ToWire() } });

    public void Attempt(Priority priority, string outcome, TimeSpan duration) =>
        _attempt.Record(duration.TotalSeconds, new TagList { { "priority", priority.ToWire() }, { "outcome", outcome } });

    public void Delivered(Priority priority, TimeSpan sinceAccepted) =>
        _latency.Record(Math.Max(0, sinceAccepted.TotalSeconds), Priority(priority));

    public void Bounce(string reason, string scenario, string source, bool temporary) =>
        _bounces.Add(1, new TagList { { "reason", reason }, { "scenario", scenario }, { "source", source }, { "temporary", temporary } });

    public void Notice(string type, string? reason) =>
        _notices.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("reason", reason ?? ""));

    public void Webhook(string endpoint, bool delivered) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("result", delivered ? "delivered" : "failed"));

    public void InboundMail(string kind) => _inbound.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Claimed(string lane, TimeSpan duration) => _claim.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("lane", lane));

    public void Committed(string outcome, TimeSpan duration) => _commit.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    private static KeyValuePair<string, object?> Priority(Priority priority) => new("priority", priority.ToWire());

    private static KeyValuePair<string, object?> Endpoint(string endpoint) => new("endpoint", endpoint);

    /// <summary>Observable instruments are read synchronously at collection (a scrape); the backlog shares one read a second.</summary>
    private static IReadOnlyList<QueueDepth> Backlog(QueueBacklog backlog)
    {
        try
        {
            return backlog.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (StorageFaultException)
        {
            return []; // no figure rather than a wrong one; readiness says why
        }
    }
}
