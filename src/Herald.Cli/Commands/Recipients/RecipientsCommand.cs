using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Herald.Cli.Commands.Messages;

namespace Herald.Cli.Commands.Recipients;

/// <summary>
/// <c>herald recipients erase|export ADDRESS|ID</c>: a person's data on request, over the API with a key of scope
/// <c>operator</c> (HERALD_KEY). The erasure is audited under the key's name; what was erased is not kept.
/// </summary>
internal static class RecipientsCommand
{
    public static Command Create()
    {
        var command = new Command("recipients", "A person's data: export it as JSON, or erase it (scope operator).");
        command.Subcommands.Add(Erase());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Erase()
    {
        var target = Target();
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var command = new Command("erase", "Erase a recipient (by id: all its addresses) or an address: messages, timelines, template data, " +
            "preferences, ledger. A hard bounce or complaint in force is kept as a keyed hash so the address stays suppressed.") { target, server, json };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            using var response = await http.DeleteAsync(Path(parse.GetValue(target)!, ""), ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json), Receipt, ct);
        }));
        return command;
    }

    private static Command Export()
    {
        var target = Target();
        var server = CliOptions.Server();
        var command = new Command("export", "Print everything Herald holds about a recipient (by id) or an address as one JSON document.") { target, server };
        command.SetAction(async (parse, ct) => await HttpCall.RunAsync(parse.GetValue(server)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, async http =>
        {
            using var response = await http.GetAsync(Path(parse.GetValue(target)!, "/export"), ct);
            return await HttpCall.ReportAsync(response, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, json: true, _ => "", ct);
        }));
        return command;
    }

    private static Argument<string> Target() => new("target") { Description = "The recipient's id, or an address (anything with an '@')" };

    private static string Path(string target, string suffix) => $"v1/recipients/{Uri.EscapeDataString(target)}{suffix}";

    private static string Receipt(JsonDocument document)
    {
        var r = document.RootElement;
        return string.Create(CultureInfo.InvariantCulture,
            $"Erasure {r.GetProperty("id").GetString()} at {r.GetProperty("at").GetDateTimeOffset():u}: {r.GetProperty("addresses").GetInt32()} address(es), " +
            $"{r.GetProperty("messages").GetInt32()} message(s) erased; {r.GetProperty("suppressionsKept").GetInt32()} suppression(s) kept as a keyed hash.");
    }
}
