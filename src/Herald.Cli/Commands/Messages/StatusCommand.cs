using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Cli.Commands.Messages;

internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "The message id returned by send, e.g. msg_01...", Arity = ArgumentArity.ZeroOrOne };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var store = new Option<bool>("--store")
        {
            Description = "Instead: the store's size, rows and oldest row per table, read on the store itself (same settings as serve, e.g. --Herald:DataDirectory=...)",
        };
        var command = new Command("status", "Show a message's status and timeline (exit 0 found, 1 unknown id, 3 unreachable), or the store's with --store.")
        {
            id, server, json, store,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(store))
            {
                // The first setting (--Herald:...=...) lands in the optional id: no message id starts with "--".
                string[] first = parse.GetValue(id) is { } setting ? [setting] : [];
                return await StoreStatus.RunAsync([.. first, .. parse.UnmatchedTokens], parse.GetValue(json), output, cancellationToken);
            }

            if (parse.GetValue(id) is null || parse.UnmatchedTokens.Count > 0)
            {
                await error.WriteLineAsync(parse.UnmatchedTokens.Count > 0
                    ? $"Unrecognized: {string.Join(' ', parse.UnmatchedTokens)} (settings such as --Herald:... go with --store)"
                    : "Give a message id, or --store for the store's size.");
                return ExitCodes.Usage;
            }

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
