using System.Text.Json;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Microsoft.Extensions.Options;

namespace Herald.Server.Feedback;

/// <summary>
/// Turns notices into outbox rows, one per subscribed endpoint, each with a stable event id: the payload is fixed when
/// the change is stored, so every retry sends the same id and bytes (receivers de-duplicate on webhook-id).
/// </summary>
internal sealed class WebhookOutboxFactory(IOptions<FeedbackOptions> options) : IWebhookOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Whether any configured endpoint subscribes to events of this type.</summary>
    public bool Wants(string type) => options.Value.Webhooks.Values.Any(e =>
        e.Events.Count == 0 || e.Events.Contains(type, StringComparer.OrdinalIgnoreCase));

    public IReadOnlyList<OutboxMessage> Rows(IReadOnlyList<FeedbackNotice> notices)
    {
        var endpoints = options.Value.Webhooks;
        if (endpoints.Count == 0 || notices.Count == 0)
        {
            return [];
        }

        var rows = new List<OutboxMessage>();
        foreach (var notice in notices)
        {
            var id = "evt_" + MessageFactory.RandomToken(24);
            var payload = JsonSerializer.Serialize(new
            {
                type = $"address.{notice.Type}",
                timestamp = notice.At,
                data = new { address = notice.Address, messageId = notice.MessageId, reason = notice.Reason, detail = notice.Detail },
            }, Json);
            foreach (var (name, endpoint) in endpoints)
            {
                if (endpoint.Events.Count == 0 || endpoint.Events.Contains(notice.Type, StringComparer.OrdinalIgnoreCase))
                {
                    rows.Add(new OutboxMessage(0, id, name, notice.Type, payload, notice.At, 0, notice.Address));
                }
            }
        }

        return rows;
    }
}
