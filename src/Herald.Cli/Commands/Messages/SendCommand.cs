using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Herald.Cli.Commands.Messages;

internal static class SendCommand
{
    public static Command Create()
    {
        var type = new Option<string>("--type") { Description = "Notification type, e.g. magic-code", Required = true };
        var to = new Option<string>("--to") { Description = "Recipient address", Required = true };
        var data = new Option<string>("--data") { Description = "Template data as a JSON object, e.g. '{\"code\":\"123456\"}'", DefaultValueFactory = _ => "{}" };
        var key = new Option<string?>("--idempotency-key") { Description = "Same key and data within 24 h sends once" };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("send", "Send a notification through a running Herald. Exit 0 accepted, 1 refused, 3 unreachable.")
        {
            type, to, data, key, server, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
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
