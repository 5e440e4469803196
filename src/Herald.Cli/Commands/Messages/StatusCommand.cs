using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Cli.Commands.Messages;

internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The message id returned by send, e.g. msg_01..." };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("status", "Show a message's status and timeline. Exit 0 found, 1 unknown id, 3 unreachable.") { id, server, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return await HttpCall.RunAsync(parse.GetValue(server)!, output, error, async http =>
            {
                using var response = await http.GetAsync($"v1/messages/{Uri.EscapeDataString(parse.GetValue(id)!)}", cancellationToken);
                return await HttpCall.ReportAsync(response, output, error, parse.GetValue(json), Describe, cancellationToken);
            });
        });
        return command;
    }

    internal static string Describe(JsonDocument document)
    {
        var m = document.RootElement;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{S(m, "id")} {S(m, "type")} to {S(m, "to")}: {S(m, "status")}");
        if (m.TryGetProperty("nextAttemptAt", out var next))
        {
            text.Append(CultureInfo.InvariantCulture, $" (next attempt {next.GetDateTimeOffset():u})");
        }

        foreach (var e in m.GetProperty("timeline").EnumerateArray())
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {e.GetProperty("time").GetDateTimeOffset():yyyy-MM-dd HH:mm:ss.fff}Z  {S(e, "type"),-10}");
            foreach (var field in new[] { "attempt", "remoteHost", "smtpCode", "reply", "nextAttemptAt", "detail" })
            {
                if (e.TryGetProperty(field, out var value))
                {
                    text.Append(CultureInfo.InvariantCulture, $" {field}={value}");
                }
            }
        }

        return text.ToString();
    }

    private static string? S(JsonElement element, string name) => element.TryGetProperty(name, out var v) ? v.ToString() : null;
}
