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
        Converters = { new MillisecondTimes() },
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
            var payload = JsonSerializer.Serialize(new
            {
                type = $"address.{notice.Type}",
                timestamp = notice.At,
                data = new { address = notice.Address, messageId = notice.MessageId, reason = notice.Reason, detail = notice.Detail },
            }, Json);
            Add(rows, notice.Type, payload, notice.At, notice.Address);
        }

        return rows;
    }

    /// <summary>
    /// Incident events are subscribed to by their full type (<c>incident.opened</c>, <c>incident.closed</c>), which is also
    /// the payload's type: an incident belongs to a domain, not to an address. The sample reply is left out (it may name
    /// the last address that hit the block, and these rows belong to no address that erasure would find them by); the
    /// application reads it from <c>GET /v1/incidents</c>, where erasure blanks it.
    /// </summary>
    public IReadOnlyList<OutboxMessage> Rows(IReadOnlyList<IncidentNotice> notices)
    {
        if (options.Value.Webhooks.Count == 0 || notices.Count == 0)
        {
            return [];
        }

        var rows = new List<OutboxMessage>();
        foreach (var notice in notices)
        {
            var i = notice.Incident;
            var payload = JsonSerializer.Serialize(new
            {
                type = notice.Type,
                timestamp = notice.At,
                data = new
                {
                    incidentId = i.Id,
                    domain = i.Domain,
                    signature = i.Signature,
                    firstAt = i.FirstAt,
                    lastAt = i.LastAt,
                    addresses = i.Addresses,
                    closedAt = i.ClosedAt,
                    reason = i.CloseReason?.ToWire(),
                },
            }, Json);
            Add(rows, notice.Type, payload, notice.At, null);
        }

        return rows;
    }

    /// <summary>One row per endpoint subscribed to <paramref name="type"/>, all with one event id.</summary>
    private void Add(List<OutboxMessage> rows, string type, string payload, DateTimeOffset at, string? address)
    {
        var id = "evt_" + MessageFactory.RandomToken(24);
        foreach (var (name, endpoint) in options.Value.Webhooks)
        {
            if (endpoint.Events.Count == 0 || endpoint.Events.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                rows.Add(new OutboxMessage(0, id, name, type, payload, at, 0, address));
            }
        }
    }
}
