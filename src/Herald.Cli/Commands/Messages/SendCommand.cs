using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Herald.Cli.Commands.Messages;

internal static class SendCommand
{
    public static Command Create()
    {
        var type = new Option<string?>("--type") { Description = "Notification type, e.g. magic-code (required without --file)" };
        var to = new Option<string?>("--to") { Description = "Recipient address (required without --file)" };
        var file = new Option<FileInfo?>("--file")
        {
            Description = "Send every message of a JSON Lines file instead: one JSON object a line, as the body of POST /v1/messages, "
                + "in batches of up to 500; one result line per message. Exit 1 if any was refused.",
        };
        var data = new Option<string>("--data") { Description = "Template data as a JSON object, e.g. '{\"code\":\"123456\"}'", DefaultValueFactory = _ => "{}" };
        var key = new Option<string?>("--idempotency-key") { Description = "Same key and data within 24 h sends once" };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("send", "Send a notification through a running Herald. Exit 0 accepted, 1 refused, 3 unreachable.")
        {
            type, to, data, key, file, server, json,
        };
        command.Validators.Add(result =>
        {
            var fromFile = result.GetValue(file) is not null;
            if (fromFile && (result.GetValue(type) is not null || result.GetValue(to) is not null || result.GetValue(key) is not null))
            {
                result.AddError("--file takes each message's type, to, data and idempotencyKey from the file; leave out --type, --to and --idempotency-key");
            }
            else if (!fromFile && (result.GetValue(type) is null || result.GetValue(to) is null))
            {
                result.AddError("--type and --to are required (or --file with one message a line)");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(file) is { } messages)
            {
                if (!messages.Exists)
                {
                    await error.WriteLineAsync($"{messages.FullName}: no such file");
                    return ExitCodes.Usage;
                }

                return await HttpCall.RunAsync(parse.GetValue(server)!, output, error,
                    http => FileSend.RunAsync(messages, http, output, error, parse.GetValue(json), cancellationToken));
            }

            JsonNode? dataNode;
            try
            {
                dataNode = JsonNode.Parse(parse.GetValue(data)!);
            }
            catch (JsonException e)
            {
                await error.WriteLineAsync($"--data is not valid JSON: {e.Message}");
                return ExitCodes.Usage;
            }

            var body = new JsonObject
            {
                ["type"] = parse.GetValue(type),
                ["to"] = parse.GetValue(to),
                ["data"] = dataNode,
                ["idempotencyKey"] = parse.GetValue(key),
            };
            return await HttpCall.RunAsync(parse.GetValue(server)!, output, error, async http =>
            {
                using var response = await http.PostAsJsonAsync("v1/messages", body, cancellationToken);
                return await HttpCall.ReportAsync(response, output, error, parse.GetValue(json), static doc =>
                    $"{doc.RootElement.GetProperty("id").GetString()} {doc.RootElement.GetProperty("status").GetString()}", cancellationToken);
            });
        });
        return command;
    }
}
