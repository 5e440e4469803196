using System.Text.Json;
using Herald.Core.Messages;
using Microsoft.AspNetCore.Http;

namespace Herald.Server.Api.Messages;

/// <summary>
/// Reads the send body by hand so that every problem is named by its field (a bound record would answer a
/// generic "failed to read parameter" for a number where a string belongs).
/// </summary>
internal static class SendRequestReader
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<(SubmitRequest? Request, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"is not valid JSON: {e.Message}"];
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["must be a JSON object with type, to and data"];
                return (null, errors);
            }

            if (JsonText.FirstInvalid(root) is { } invalid)
            {
                errors[invalid.Length == 0 ? "body" : invalid] = [JsonText.Problem];
                return (null, errors);
            }

            string? type = String(root, "type", errors);
            var target = root.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Object
                ? new RecipientTarget(String(t, "recipient", errors, "to.recipient"), String(t, "address", errors, "to.address"))
                : null;
            string? to = target is null ? String(root, "to", errors) : null;
            string? key = String(root, "idempotencyKey", errors);
            JsonElement? data = root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null;

            var header = http.Headers[IdempotencyHeader].ToString();
            if (!string.IsNullOrEmpty(header))
            {
                if (key is not null && key != header)
                {
                    errors[IdempotencyHeader] = ["differs from idempotencyKey in the body; send one of them"];
                }

                key = header;
            }

            return errors.Count > 0 ? (null, errors) : (new SubmitRequest(type, to, data, key, target), errors);
        }
    }

    private static string? String(JsonElement root, string name, Dictionary<string, string[]> errors, string? path = null)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[path ?? name] = [path is null && name == "to" ? "must be a string (an address) or an object {recipient, address?}" : "must be a string"];
            return null;
        }

        return value.GetString();
    }
}
