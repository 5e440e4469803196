using System.Globalization;
using System.Text.Json;

namespace Herald.Server.Providers;

/// <summary>Lenient accessors: providers add fields freely (SES says so explicitly), so absent means null, not error.</summary>
internal static class JsonFields
{
    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static JsonElement Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    public static IEnumerable<JsonElement> Arr(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        DateTimeOffset.TryParse(element.Str(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>Message-ID without its angle brackets, the form Herald stores (RFC 5322 section 3.6.4 msg-id).</summary>
    public static string? BareMessageId(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().TrimStart('<').TrimEnd('>');
}
