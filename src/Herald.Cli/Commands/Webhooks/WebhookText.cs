using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Cli.Commands.Webhooks;

/// <summary>Plain-text rendering of the webhooks API's answers.</summary>
internal static class WebhookText
{
    public static string Endpoints(JsonDocument document)
    {
        var text = new StringBuilder();
        foreach (var e in document.RootElement.EnumerateArray())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{S(e, "name"),-16} {S(e, "url")}  pending {e.GetProperty("pending").GetInt64()}, dead letters {e.GetProperty("dead").GetInt64()}");
        }

        return text.Length == 0 ? "no webhook endpoints configured (Herald:Feedback:Webhooks:<name>:Url)" : text.ToString().TrimEnd();
    }

    public static string Deliveries(JsonDocument document)
    {
        var text = new StringBuilder();
        foreach (var d in document.RootElement.EnumerateArray())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{d.GetProperty("id").GetInt64()}  {S(d, "state"),-9} {S(d, "type"),-20} {S(d, "eventId")}  created {d.GetProperty("createdAt").GetDateTimeOffset():u}");
            foreach (var a in d.GetProperty("attempts").EnumerateArray())
            {
                var code = a.TryGetProperty("responseCode", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32().ToString(CultureInfo.InvariantCulture) : "-";
                text.AppendLine(CultureInfo.InvariantCulture, $"    {a.GetProperty("at").GetDateTimeOffset():u} {S(a, "status"),-9} {code} {S(a, "error")}");
            }
        }

        return text.Length == 0 ? "no deliveries" : text.ToString().TrimEnd();
    }

    public static string Replayed(JsonDocument document) => string.Create(CultureInfo.InvariantCulture,
        $"{document.RootElement.GetProperty("replayed").GetInt32()} dead letter(s) due again for {S(document.RootElement, "endpoint")}");

    private static string S(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
