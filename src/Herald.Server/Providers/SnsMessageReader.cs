using System.Text.Json;
using Herald.Server.Api;

namespace Herald.Server.Providers;

/// <summary>Reads an SNS envelope; a missing or non-string field makes the whole body malformed (400).</summary>
internal static class SnsMessageReader
{
    public static SnsMessage? TryRead(ReadOnlySpan<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "body is not a JSON object";
                return null;
            }

            if (JsonText.FirstInvalid(root) is { } invalid)
            {
                error = $"{(invalid.Length == 0 ? "body" : invalid)} {JsonText.Problem}";
                return null;
            }

            string? Field(string name) =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

            var type = Field("Type");
            var messageId = Field("MessageId");
            var topicArn = Field("TopicArn");
            var message = Field("Message");
            var timestamp = Field("Timestamp");
            var version = Field("SignatureVersion");
            var signature = Field("Signature");
            var certUrl = Field("SigningCertURL");
            if (type is null || messageId is null || topicArn is null || message is null || timestamp is null
                || version is null || signature is null || certUrl is null)
            {
                error = "a required SNS field is missing";
                return null;
            }

            error = null;
            return new SnsMessage(type, messageId, topicArn, message, timestamp, version, signature, certUrl,
                Field("Subject"), Field("Token"), Field("SubscribeURL"));
        }
        catch (JsonException)
        {
            error = "body is not valid JSON";
            return null;
        }
    }
}
