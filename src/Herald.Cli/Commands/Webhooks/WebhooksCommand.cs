using System.CommandLine;
using System.Net.Http.Json;
using Herald.Cli.Commands.Messages;

namespace Herald.Cli.Commands.Webhooks;

/// <summary>
/// <c>herald webhooks list|deliveries|replay</c>: outbound webhook endpoints, their deliveries with every attempt, and
/// replay of dead letters, over the API (operator scope).
/// </summary>
internal static class WebhooksCommand
{
    public static Command Create()
    {
        var command = new Command("webhooks", "Outbound webhook endpoints, deliveries and dead letters; replay them.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Deliveries());
        command.Subcommands.Add(Replay());
        return command;
    }

    private static Command List()
    {
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("list", "Configured endpoints with their backlog and dead letters.") { server, json };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            using var response = await http.GetAsync("v1/webhooks", ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), WebhookText.Endpoints, ct);
        }));
        return command;
    }

    private static Command Deliveries()
    {
        var endpoint = new Argument<string>("endpoint") { Description = "The endpoint's name (Herald:Feedback:Webhooks:<name>)" };
        var state = new Option<string?>("--state") { Description = "pending, delivered or dead" };
        var limit = new Option<int>("--limit") { Description = "At most this many deliveries", DefaultValueFactory = _ => 50 };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("deliveries", "An endpoint's deliveries, latest first, with every attempt.") { endpoint, state, limit, server, json };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            var query = $"v1/webhooks/{Uri.EscapeDataString(parse.GetValue(endpoint)!)}/deliveries?limit={parse.GetValue(limit)}" +
                (parse.GetValue(state) is { } s ? $"&state={Uri.EscapeDataString(s)}" : "");
            using var response = await http.GetAsync(query, ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), WebhookText.Deliveries, ct);
        }));
        return command;
    }

    private static Command Replay()
    {
        var endpoint = new Argument<string>("endpoint") { Description = "The endpoint's name" };
        var id = new Option<long?>("--id") { Description = "Replay this delivery only (its id in `herald webhooks deliveries`)" };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter of the endpoint" };
        var to = new Option<string?>("--to") { Description = "Send to this other configured endpoint instead of the endpoint's current URL" };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("replay", "Send dead letters again: one (--id) or all (--all).") { endpoint, id, all, to, server, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is null == !result.GetValue(all))
            {
                result.AddError("say which: --id <id> or --all");
            }
        });
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            var name = Uri.EscapeDataString(parse.GetValue(endpoint)!);
            var path = parse.GetValue(id) is { } one ? $"v1/webhooks/{name}/deliveries/{one}/replay" : $"v1/webhooks/{name}/replay";
            using var response = await http.PostAsJsonAsync(path, new { to = parse.GetValue(to) }, ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), WebhookText.Replayed, ct);
        }));
        return command;
    }
}
