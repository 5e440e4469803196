using System.Globalization;
using System.Text.Json;
using Herald.Core.Inbound;

namespace Herald.Server.Providers;

/// <summary>
/// Reads a Mailgun webhook JSON body: "signature" and "event-data" (Mailgun docs, "Webhooks" and "Events").
/// failed/permanent is a bounce, failed/temporary a delay (Mailgun keeps retrying), complained, delivered.
/// </summary>
internal static class MailgunPayloadReader
{
    public const string Provider = "mailgun";

    /// <summary>The last second <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59Z).</summary>
    private const double MaxUnixSeconds = 253_402_300_799;

    public static MailgunSignature? ReadSignature(JsonElement root)
    {
        var signature = root.Obj("signature");
        var timestamp = signature.Str("timestamp");
        var token = signature.Str("token");
        var hex = signature.Str("signature");
        return timestamp is null || token is null || hex is null ? null : new MailgunSignature(timestamp, token, hex);
    }

    /// <summary>Mailgun's event-data timestamp: seconds since 1970 with a fraction (Mailgun docs, "Events").</summary>
    private static DateTimeOffset? Timestamp(JsonElement data) =>
        double.TryParse(data.Str("timestamp"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds is > 0 and < MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    public static EventParseResult ReadEvent(JsonElement root)
    {
        var data = root.Obj("event-data");
        var id = data.Str("id");
        var recipient = data.Str("recipient");
        if (id is null || recipient is null)
        {
            return EventParseResult.Malformed("event-data without id or recipient");
        }

        var severity = data.Str("severity");
        ProviderEventKind? kind = (data.Str("event"), severity) switch
        {
            ("failed", "permanent") => ProviderEventKind.Bounce,
            ("failed", _) => ProviderEventKind.DeliveryDelay,
            ("complained", _) => ProviderEventKind.Complaint,
            ("delivered", _) => ProviderEventKind.Delivery,
            _ => null,
        };
        if (kind is null)
        {
            return EventParseResult.Ignored($"Mailgun {data.Str("event")} events are not used");
        }

        var status = data.Obj("delivery-status");
        var code = status.Str("code");
        var message = status.Str("message");
        var description = status.Str("description");
        var diagnostic = string.Join(" ", new[] { code, string.IsNullOrWhiteSpace(message) ? description : message }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var messageId = JsonFields.BareMessageId(data.Obj("message").Obj("headers").Str("message-id"));
        if (Timestamp(data) is not { } timestamp)
        {
            // Never a default date: the suppression policy counts soft failures over time, and five failures all
            // dated year 1 (or all the same instant) read as a streak that suspends the address for days.
            return EventParseResult.Malformed("event-data without a valid timestamp (seconds since 1970, as Mailgun sends it)");
        }

        var providerRecipient = new ProviderRecipient(
            recipient,
            Status: status.Str("enhanced-code") ?? code,
            DiagnosticCode: diagnostic.Length == 0 ? null : diagnostic,
            BounceType: kind is ProviderEventKind.Bounce or ProviderEventKind.DeliveryDelay ? severity : null,
            BounceSubType: data.Str("reason"));
        return EventParseResult.Parsed(new ProviderEvent(
            Provider, id, kind.Value, [providerRecipient], messageId, messageId, data.Obj("envelope").Str("sender"), timestamp));
    }
}
