using System.Diagnostics;

namespace Herald.Server.Telemetry;

/// <summary>
/// The one home of Herald's telemetry names: the meter, the activity source and every instrument (OpenTelemetry's
/// semantic-convention style: dotted, lower case, unit given apart; Prometheus shows herald_messages_total,
/// herald_attempt_duration_seconds...). Dashboards and alert rules (docs/grafana-dashboard.json, docs/alerts.yml) use these.
/// </summary>
internal static class HeraldTelemetry
{
    public const string Name = "Herald";

    public const string Messages = "herald.messages";
    public const string QueueDepth = "herald.queue.depth";
    public const string QueueOldestAge = "herald.queue.oldest_age";
    public const string AttemptDuration = "herald.attempt.duration";
    public const string DeliveryLatency = "herald.delivery.latency";
    public const string Bounces = "herald.bounces";
    public const string Notices = "herald.notices";
    public const string WebhookDeliveries = "herald.webhook.deliveries";
    public const string WebhookBacklog = "herald.webhook.backlog";
    public const string WebhookDeadLetters = "herald.webhook.dead_letters";
    public const string Inbound = "herald.inbound";
    public const string StoreClaim = "herald.store.claim.duration";
    public const string StoreCommit = "herald.store.commit.duration";

    /// <summary>A span per delivery attempt; free when nothing listens.</summary>
    public static readonly ActivitySource Source = new(Name);
}
