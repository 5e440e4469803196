using System.CommandLine;
using System.Text.Json;
using Herald.Cli.Commands.Messages;

namespace Herald.Cli.Commands.Doctor;

/// <summary>
/// <c>herald doctor</c>: why mail to an address, recipient or message may not arrive (GET /v1/diagnoses/{subject}),
/// the allowlist kit for its IT department (--kit), or the sender check (--sender). Exit 0 healthy, 1 a cause found,
/// 3 Herald unreachable.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var subject = new Argument<string?>("subject") { Description = "An address, a recipient id or a message id (msg_...)", Arity = ArgumentArity.ZeroOrOne };
        var server = CliOptions.Server();
        var json = CliOptions.Json();
        var kit = new Option<bool>("--kit") { Description = "Print the allowlist kit (Markdown) for the address's IT department" };
        var sender = new Option<bool>("--sender") { Description = "Check Herald's own sender in the DNS instead: SPF per route, DKIM, DMARC, bounce MX, reverse DNS" };
        var command = new Command("doctor", "Why didn't the email arrive? Ranked causes, who must act and the next step (exit 0 healthy, 1 a cause found, 3 unreachable).")
        {
            subject, server, json, kit, sender,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var what = parse.GetValue(subject);
            if (parse.GetValue(sender) == (what is not null))
            {
                await error.WriteLineAsync("Give an address, recipient id or message id, or --sender (not both).");
                return ExitCodes.Usage;
            }

            return await HttpCall.RunAsync(parse.GetValue(server)!, output, error, async http =>
            {
                var path = parse.GetValue(sender) ? "v1/sender-check"
                    : $"v1/diagnoses/{Uri.EscapeDataString(what!)}" + (parse.GetValue(kit) ? "/kit" : "");
                using var response = await http.GetAsync(path, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await error.WriteLineAsync(Problem.Describe((int)response.StatusCode, text));
                    return ExitCodes.Rejected;
                }

                if (parse.GetValue(kit) && !parse.GetValue(sender))
                {
                    await output.WriteAsync(text);
                    return ExitCodes.Ok;
                }

                using var document = JsonDocument.Parse(text);
                await output.WriteLineAsync(parse.GetValue(json) ? text : DoctorText.Describe(document.RootElement));
                return document.RootElement.GetProperty("healthy").GetBoolean() ? ExitCodes.Ok : ExitCodes.Rejected;
            });
        });
        return command;
    }
}
