using System.Text.Json;
using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Server.Api.Messages;

/// <summary>A message as the API shows it: secret fields appear only as a mask, never their value.</summary>
public sealed record MessageView(
    string Id,
    string Type,
    string Category,
    string Priority,
    string To,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? NextAttemptAt,
    string MessageId,
    IReadOnlyDictionary<string, JsonElement>? Data,
    IReadOnlyList<TimelineEntry>? Timeline,
    MessageLinks Links)
{
    public const string SecretMask = "[secret]";

    private static readonly JsonElement Mask = JsonSerializer.SerializeToElement(SecretMask);

    public static MessageView From(StoredMessage m, IReadOnlyList<DeliveryEvent>? timeline) => new(
        m.Id,
        m.Type,
        m.Category,
        m.Priority.ToWire(),
        m.To,
        m.Status.ToWire(),
        m.Attempts,
        m.CreatedAt,
        m.ExpiresAt,
        m.Status.IsFinal() ? null : m.NextAttemptAt,
        m.MessageIdHeader,
        timeline is null ? null : VisibleData(m),
        timeline?.Select(TimelineEntry.From).ToArray(),
        LinksFor(m.Id, m.To));

    public static MessageLinks LinksFor(string id, string to) =>
        new($"/v1/messages/{id}", $"/v1/recipients/{Uri.EscapeDataString(to)}/messages");

    private static Dictionary<string, JsonElement>? VisibleData(StoredMessage m)
    {
        if (m.DataJson is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(m.DataJson);
        var visible = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            visible[property.Name] = m.SecretFields.Contains(property.Name) ? Mask : property.Value.Clone();
        }

        return visible;
    }
}
