using System.Text.Json.Nodes;
using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Core.Lifecycle;

/// <summary>A message in an export: its template data without the secret fields, and its timeline.</summary>
public sealed record ExportedMessage(
    string Id,
    string Type,
    string Category,
    string To,
    JsonNode? Data,
    DateTimeOffset CreatedAt,
    MessageStatus Status,
    int Attempts,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DeliveryEvent> Timeline)
{
    public static ExportedMessage Of(StoredMessage m, IReadOnlyList<DeliveryEvent> timeline) =>
        new(m.Id, m.Type, m.Category, m.To, SecretData.Purge(m.DataJson, m.SecretFields) is { } data ? JsonNode.Parse(data) : null,
            m.CreatedAt, m.Status, m.Attempts, m.UpdatedAt, timeline);
}
