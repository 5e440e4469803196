using System.Text;
using System.Text.Json;

namespace Herald.Cli.Commands.Messages;

/// <summary>Turns an RFC 9457 ProblemDetails answer into lines a person reads: title, detail, each field's problem.</summary>
internal static class Problem
{
    public static string Describe(int status, string body)
    {
        var text = new StringBuilder();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            text.Append(status).Append(' ').Append(root.TryGetProperty("title", out var title) ? title.GetString() : "error");
            if (root.TryGetProperty("detail", out var detail))
            {
                text.Append(": ").Append(detail.GetString());
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    foreach (var message in field.Value.EnumerateArray())
                    {
                        text.AppendLine().Append("  ").Append(field.Name).Append(": ").Append(message.GetString());
                    }
                }
            }
        }
        catch (JsonException)
        {
            text.Append(status).Append(' ').Append(body);
        }

        return text.ToString();
    }
}
