using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Cli.Commands.Doctor;

/// <summary>The doctor's JSON in words: per address the domain's mail servers, then each cause with who acts and what next.</summary>
internal static class DoctorText
{
    public static string Describe(JsonElement report)
    {
        var text = new StringBuilder();
        if (report.TryGetProperty("addresses", out var addresses))
        {
            foreach (var a in addresses.EnumerateArray())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{S(a, "address")}: {(a.GetProperty("healthy").GetBoolean() ? "no problem found" : "problems found")}");
                if (a.TryGetProperty("domain", out var d))
                {
                    var mx = string.Join(", ", d.GetProperty("mxHosts").EnumerateArray().Select(h => h.GetString()));
                    var provider = S(d, "provider") is { } p ? $"; provider {p}" : "";
                    var gateway = S(d, "gateway") is { } g ? $"; gateway {g}" : "";
                    text.AppendLine(CultureInfo.InvariantCulture, $"  domain {S(d, "name")}: {S(d, "routing")}{(mx.Length > 0 ? $" ({mx})" : "")}{provider}{gateway}");
                }

                if (S(a, "lastDeliveredId") is { } last)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  last delivered: {last} ({a.GetProperty("lastDeliveredAt").GetDateTimeOffset():u})");
                }

                Causes(a, text);
            }
        }
        else
        {
            text.AppendLine(report.GetProperty("healthy").GetBoolean() ? "Sender: no problem found" : "Sender: problems found");
            Causes(report, text);
            foreach (var line in report.GetProperty("checked").EnumerateArray())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  ok: {line.GetString()}");
            }
        }

        return text.ToString().TrimEnd();
    }

    private static void Causes(JsonElement element, StringBuilder text)
    {
        var n = 0;
        foreach (var c in element.GetProperty("causes").EnumerateArray())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {++n}. [{S(c, "code")}] {S(c, "summary")}");
            text.AppendLine(CultureInfo.InvariantCulture, $"     who: {S(c, "actor")}; next: {S(c, "nextStep")}");
            if (S(c, "evidence") is { } evidence)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"     evidence: {evidence}");
            }
        }
    }

    private static string? S(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
}
