using System.Text.Json;
using Herald.Core.Inbound;
using Herald.Server.Api;

namespace Herald.Server.Providers;

/// <summary>
/// Reads the SES notification inside an SNS Message (SES developer guide, "Amazon SNS notification contents" and
/// "event publishing" contents): notificationType (identity notifications) or eventType (configuration sets).
/// Send, Reject, Open, Click and the like are acknowledged and ignored: they say nothing about deliverability.
/// </summary>
internal static class SesEventParser
{
    public const string Provider = "ses";

    public static EventParseResult Parse(SnsMessage sns)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(sns.Message);
        }
        catch (JsonException)
        {
            return EventParseResult.Malformed("SNS Message is not SES JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (JsonText.FirstInvalid(root) is { } invalid)
            {
                return EventParseResult.Malformed($"SNS Message: {(invalid.Length == 0 ? "body" : invalid)} {JsonText.Problem}");
            }
            var type = root.Str("notificationType") ?? root.Str("eventType");
            var mail = root.Obj("mail");
            return type switch
            {
                "Bounce" => Build(sns, ProviderEventKind.Bounce, mail, root.Obj("bounce"), Bounced),
                "Complaint" => Build(sns, ProviderEventKind.Complaint, mail, root.Obj("complaint"), Complained),
                "Delivery" => Build(sns, ProviderEventKind.Delivery, mail, root.Obj("delivery"), Delivered),
                "DeliveryDelay" => Build(sns, ProviderEventKind.DeliveryDelay, mail, root.Obj("deliveryDelay"), Delayed),
                null => EventParseResult.Malformed("no notificationType or eventType"),
                _ => EventParseResult.Ignored($"SES {type} events are not used"),
            };
        }
    }

    private static EventParseResult Build(
        SnsMessage sns, ProviderEventKind kind, JsonElement mail, JsonElement detail, Func<JsonElement, IEnumerable<ProviderRecipient>> recipients)
    {
        if (detail.ValueKind != JsonValueKind.Object)
        {
            return EventParseResult.Malformed($"{kind} notification without its {kind} object");
        }

        var list = recipients(detail).Where(r => !string.IsNullOrEmpty(r.Address)).ToList();
        if (list.Count == 0)
        {
            return EventParseResult.Malformed($"{kind} notification without recipients");
        }

        var headers = mail.Arr("headers").ToList();
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Str("name"), name, StringComparison.OrdinalIgnoreCase)).Str("value");

        // The event's own time, else the mail's, else the signed SNS envelope's; never a default date, which the
        // suppression policy would count as a soft-failure streak dated year 1.
        var timestamp = detail.Time("timestamp") ?? mail.Time("timestamp")
            ?? (DateTimeOffset.TryParse(sns.Timestamp, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : (DateTimeOffset?)null);
        if (timestamp is null)
        {
            return EventParseResult.Malformed($"{kind} notification without a timestamp");
        }

        return EventParseResult.Parsed(new ProviderEvent(
            Provider,
            sns.MessageId,
            kind,
            list,
            mail.Str("messageId"),
            JsonFields.BareMessageId(Header("Message-ID") ?? mail.Obj("commonHeaders").Str("messageId")),
            mail.Str("source") ?? JsonFields.BareMessageId(Header("Return-Path")),
            timestamp.Value));
    }

    private static IEnumerable<ProviderRecipient> Bounced(JsonElement bounce) =>
        bounce.Arr("bouncedRecipients").Select(r => new ProviderRecipient(
            r.Str("emailAddress") ?? "",
            Status: r.Str("status"),
            DiagnosticCode: r.Str("diagnosticCode"),
            BounceType: bounce.Str("bounceType"),
            BounceSubType: bounce.Str("bounceSubType")));

    private static IEnumerable<ProviderRecipient> Complained(JsonElement complaint) =>
        complaint.Arr("complainedRecipients").Select(r => new ProviderRecipient(
            r.Str("emailAddress") ?? "",
            BounceSubType: complaint.Str("complaintSubType"),
            ComplaintFeedbackType: complaint.Str("complaintFeedbackType")));

    private static IEnumerable<ProviderRecipient> Delivered(JsonElement delivery) =>
        delivery.Arr("recipients").Select(r => new ProviderRecipient(
            r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "",
            DiagnosticCode: delivery.Str("smtpResponse")));

    // SES DeliveryDelay: delayType (e.g. MailboxFull, TransientCommunicationFailure) goes where a bounce subtype would.
    private static IEnumerable<ProviderRecipient> Delayed(JsonElement delay) =>
        delay.Arr("delayedRecipients").Select(r => new ProviderRecipient(
            r.Str("emailAddress") ?? "",
            Status: r.Str("status"),
            DiagnosticCode: r.Str("diagnosticCode"),
            BounceType: "Transient",
            BounceSubType: delay.Str("delayType")));
}
