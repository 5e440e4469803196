using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Cli.Commands.Suppressions;

/// <summary>Plain-text rendering of the suppressions API's answers.</summary>
internal static class SuppressionText
{
    public static string List(JsonDocument document)
    {
        var text = new StringBuilder();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            text.AppendLine(Line(item));
        }

        return text.Length == 0 ? "no suspended addresses" : text.ToString().TrimEnd();
    }

    public static string Detail(JsonDocument document)
    {
        var root = document.RootElement;
        var status = root.GetProperty("status");
        var text = new StringBuilder(Line(status));
        if (status.TryGetProperty("suspension", out var s))
        {
            text.AppendLine().Append("  evidence: ").Append(S(s, "evidence"));
            text.AppendLine().Append("  ").Append(S(s, "explanation"));
        }

        if (status.TryGetProperty("problem", out var p))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  problem ({S(p, "scenario")}, {S(p, "actor")} must act): {S(p, "reply")}");
        }

        foreach (var h in root.GetProperty("history").EnumerateArray())
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"  {h.GetProperty("time").GetDateTimeOffset():yyyy-MM-dd HH:mm:ss}Z {S(h, "action"),-18} {S(h, "reason")} by {S(h, "actor")} {S(h, "detail")}");
        }

        return text.ToString();
    }

    private static string Line(JsonElement status)
    {
        var line = $"{S(status, "address")}: {S(status, "status")}";
        if (status.TryGetProperty("suspension", out var s))
        {
            line += $" ({S(s, "reason")} since {s.GetProperty("since").GetDateTimeOffset():u}, source {S(s, "source")}";
            line += s.TryGetProperty("expiresAt", out var end) ? $", until {end.GetDateTimeOffset():u})" : ")";
        }

        return line;
    }

    private static string S(JsonElement element, string name) => element.TryGetProperty(name, out var v) ? v.ToString() : "";
}
