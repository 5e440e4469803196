using System.CommandLine;
using System.Net.Http.Json;
using Herald.Cli.Commands.Messages;

namespace Herald.Cli.Commands.Suppressions;

/// <summary>
/// <c>herald suppressions list|show|add|remove</c>: the operators' view of the suppression ledger over the API.
/// add and remove need --operator (and take --note): both go into the address's audit history.
/// </summary>
internal static class SuppressionsCommand
{
    public static Command Create()
    {
        var command = new Command("suppressions", "List, inspect, add and remove address suspensions (audited).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Change("add", "Suspend an address by hand.", (address, who, note) => ("v1/suppressions", new { address, @operator = who, note })));
        command.Subcommands.Add(Change("remove", "Lift an address's suspension, complaints included.",
            (address, who, note) => ($"v1/suppressions/{Uri.EscapeDataString(address)}/remove", new { address, @operator = who, note })));
        return command;
    }

    private static Command List()
    {
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var limit = new Option<int>("--limit") { Description = "At most this many addresses", DefaultValueFactory = _ => 100 };
        var after = new Option<string?>("--after") { Description = "Continue after this address" };
        var command = new Command("list", "Suspended addresses with reason and since.") { server, json, limit, after };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            var query = $"v1/suppressions?limit={parse.GetValue(limit)}" + (parse.GetValue(after) is { } a ? $"&after={Uri.EscapeDataString(a)}" : "");
            using var response = await http.GetAsync(query, ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), SuppressionText.List, ct);
        }));
        return command;
    }

    private static Command Show()
    {
        var address = new Argument<string>("address");
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("show", "One address: status, the raw evidence and its full history.") { address, server, json };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            using var response = await http.GetAsync($"v1/suppressions/{Uri.EscapeDataString(parse.GetValue(address)!)}", ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), SuppressionText.Detail, ct);
        }));
        return command;
    }

    private static Command Change(string name, string description, Func<string, string, string?, (string Path, object Body)> request)
    {
        var address = new Argument<string>("address");
        var who = new Option<string>("--operator") { Description = "Who does this (goes into the audit entry)", Required = true };
        var note = new Option<string?>("--note") { Description = "Why (ticket number, request)" };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command(name, description) { address, who, note, server, json };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            var (path, body) = request(parse.GetValue(address)!, parse.GetValue(who)!, parse.GetValue(note));
            using var response = await http.PostAsJsonAsync(path, body, ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), SuppressionText.Detail, ct);
        }));
        return command;
    }
}
