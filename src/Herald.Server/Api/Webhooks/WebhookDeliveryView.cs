using Herald.Core.Feedback;

namespace Herald.Server.Api.Webhooks;

/// <summary>One outbox row: <paramref name="Id"/> is what replay takes; <paramref name="EventId"/> is the webhook-id sent.</summary>
internal sealed record WebhookDeliveryView(long Id, string EventId, string Endpoint, string Type, DateTimeOffset CreatedAt, string State,
    DateTimeOffset? NextAttemptAt, WebhookAttemptView[] Attempts)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(d.Seq, d.Id, d.Endpoint, d.Type, d.CreatedAt, d.State.ToWire(), d.NextAttemptAt,
        d.Attempts.Select(a => new WebhookAttemptView(a.At, a.Delivered ? "delivered" : "failed", a.StatusCode, a.Error)).ToArray());
}
