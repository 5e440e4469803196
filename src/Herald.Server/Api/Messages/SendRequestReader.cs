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
        if (await ParseAsync(http, errors, cancellationToken) is not { } document)
        {
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

            var request = Fields(root, prefix: "", errors);
            var key = request.IdempotencyKey;

            var header = http.Headers[IdempotencyHeader].ToString();
            if (!string.IsNullOrEmpty(header))
            {
                if (key is not null && key != header)
                {
                    errors[IdempotencyHeader] = ["differs from idempotencyKey in the body; send one of them"];
                }

                key = header;
            }

            return errors.Count > 0 ? (null, errors) : (request with { IdempotencyKey = key }, errors);
        }
    }

    /// <summary>
    /// The batch body, <c>{"messages": [...]}</c>: each message read as a single send's body, its problems named
    /// <c>messages[i].field</c>. A message with problems is refused alone (its errors; no request); the others are read.
    /// </summary>
    /// <returns>Null messages, and the errors, when the body as a whole cannot be read.</returns>
    public static async Task<(IReadOnlyList<(SubmitRequest? Request, Dictionary<string, string[]> Errors)>? Messages, Dictionary<string, string[]> Errors)> ReadBatchAsync(
        HttpRequest http, int max, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(http.Headers[IdempotencyHeader].ToString()))
        {
            // One key for many messages would name none of them; each message carries its own.
            errors[IdempotencyHeader] = ["is not taken by a batch; give each message its idempotencyKey"];
            return (null, errors);
        }

        if (await ParseAsync(http, errors, cancellationToken) is not { } document)
        {
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors["messages"] = ["is required: an array of messages, each as the body of POST /v1/messages"];
                return (null, errors);
            }

            var count = list.GetArrayLength();
            if (count is 0 || count > max)
            {
                errors["messages"] = [$"holds {count} messages; a batch holds 1 to {max} (send the rest in another request)"];
                return (null, errors);
            }

            var messages = new List<(SubmitRequest?, Dictionary<string, string[]>)>(count);
            var i = 0;
            foreach (var element in list.EnumerateArray())
            {
                var prefix = $"messages[{i++}]";
                var own = new Dictionary<string, string[]>(StringComparer.Ordinal);
                if (element.ValueKind != JsonValueKind.Object)
                {
                    own[prefix] = ["must be a JSON object with type, to and data"];
                }
                else if (JsonText.FirstInvalid(element, prefix) is { } invalid)
                {
                    own[invalid] = [JsonText.Problem];
                }
                else
                {
                    var request = Fields(element, prefix + ".", own);
                    messages.Add(own.Count > 0 ? (null, own) : (request, own));
                    continue;
                }

                messages.Add((null, own));
            }

            return (messages, errors);
        }
    }

    private static async Task<JsonDocument?> ParseAsync(HttpRequest http, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"is not valid JSON: {e.Message}"];
            return null;
        }
    }

    /// <summary>The fields of one message body; problems are added to <paramref name="errors"/> under <paramref name="prefix"/>.</summary>
    private static SubmitRequest Fields(JsonElement root, string prefix, Dictionary<string, string[]> errors)
    {
        string? type = String(root, "type", errors, prefix);
        var target = root.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Object
            ? new RecipientTarget(String(t, "recipient", errors, prefix, "to.recipient"), String(t, "address", errors, prefix, "to.address"))
            : null;
        string? to = target is null ? String(root, "to", errors, prefix) : null;
        string? key = String(root, "idempotencyKey", errors, prefix);
        JsonElement? data = root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null;
        return new SubmitRequest(type, to, data, key, target);
    }

    private static string? String(JsonElement root, string name, Dictionary<string, string[]> errors, string prefix, string? path = null)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[prefix + (path ?? name)] = [path is null && name == "to" ? "must be a string (an address) or an object {recipient, address?}" : "must be a string"];
            return null;
        }

        return value.GetString();
    }
}
