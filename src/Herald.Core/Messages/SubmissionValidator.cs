using System.Text.Json;
using Herald.Core.Catalogue;

namespace Herald.Core.Messages;

/// <summary>Checks a send request against the catalogue. Every problem is named by its field, for a 400 ProblemDetails.</summary>
public static class SubmissionValidator
{
    public const int MaxIdempotencyKeyLength = 200;

    public static SubmissionResult Validate(SubmitRequest request, NotificationCatalogue catalogue)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        NotificationType? type = null;
        if (string.IsNullOrWhiteSpace(request.Type))
        {
            Add("type", "is required");
        }
        else if ((type = catalogue.Find(request.Type)) is null)
        {
            Add("type", $"'{request.Type}' is not a notification type; known types: {string.Join(", ", catalogue.Types.Select(t => t.Key))}");
        }

        string? to = null;
        if (!AddressRules.IsSingleMailbox(request.To, out var normalisedOrReason))
        {
            Add("to", normalisedOrReason);
        }
        else
        {
            to = normalisedOrReason;
        }

        var key = request.IdempotencyKey;
        if (key is not null && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
        {
            Add("idempotencyKey", $"must be 1 to {MaxIdempotencyKeyLength} printable characters");
        }

        var data = request.Data ?? JsonDocument.Parse("{}").RootElement;
        if (data.ValueKind != JsonValueKind.Object)
        {
            Add("data", "must be a JSON object");
        }
        else if (type is not null)
        {
            CheckData(type, data, Add);
        }

        if (errors.Count > 0 || type is null || to is null)
        {
            return new SubmissionResult(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return new SubmissionResult(
            new ValidatedSubmission(type, to, data, key, RequestHashes.Of(type.Key, to, data, type.SecretFields)),
            new Dictionary<string, string[]>());
    }

    private static void CheckData(NotificationType type, JsonElement data, Action<string, string> add)
    {
        foreach (var field in type.Fields.Values.Where(f => f.Required))
        {
            if (!data.TryGetProperty(field.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                add($"data.{field.Name}", $"is required by type '{type.Key}'");
            }
        }

        foreach (var property in data.EnumerateObject())
        {
            if (!type.Fields.TryGetValue(property.Name, out var spec))
            {
                add($"data.{property.Name}", $"is not a field of type '{type.Key}'; its fields: {string.Join(", ", type.Fields.Keys.Order(StringComparer.Ordinal))}");
            }
            else if (spec.Secret && property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                add($"data.{property.Name}", "is secret and must be a plain value (string or number)");
            }
            else if (TemplateRenderer.Unrenderable(property.Value) is { } reason)
            {
                // Refused now rather than accepted and then failing every attempt until the message expires.
                add($"data.{property.Name}", reason);
            }
        }
    }
}
