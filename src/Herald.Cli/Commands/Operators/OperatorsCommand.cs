using System.CommandLine;
using System.Text;
using Herald.Server.Access;
using Herald.Server.Configuration;
using Herald.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Cli.Commands.Operators;

/// <summary>
/// <c>herald operators add NAME</c>: a support-console account, on the store that <c>herald serve</c> uses. The password
/// is read from <c>--password-file</c> (its first line), else from standard input when it is redirected (scripts:
/// <c>printf '%s' "$PW" | herald operators add ana</c>), else prompted for twice without echo; never from the command
/// line itself, which would leave it in the shell history and in ps.
/// </summary>
internal static class OperatorsCommand
{
    public static Command Create()
    {
        var command = new Command("operators", "Support-console accounts (on the store; works while Herald runs).");
        command.Subcommands.Add(Add());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The operator's user name; it names them in every audit line" };
        var file = new Option<FileInfo>("--password-file") { Description = "Read the password from the first line of this file" };
        var command = new Command("add", "Add an operator; the password is read from --password-file or stdin, or prompted for.") { name, file };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var password = parse.GetValue(file) is { } path ? (await File.ReadAllLinesAsync(path.FullName, ct)).FirstOrDefault() ?? "" : ReadPassword(error);
            if (password is null)
            {
                await error.WriteLineAsync("The two passwords differ; nothing was changed.");
                return ExitCodes.Usage;
            }

            await using var services = HeraldAdministration.Open(HeraldConfiguration.Load(parse.UnmatchedTokens.ToArray(), null));
            if (await services.GetRequiredService<OperatorAccounts>().AddAsync(parse.GetValue(name), password, ct) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.Rejected;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Operator '{parse.GetValue(name)}' added; sign in at /console.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <returns>The password, or null when the prompted twice differ.</returns>
    private static string? ReadPassword(TextWriter error)
    {
        if (System.Console.IsInputRedirected)
        {
            return System.Console.In.ReadLine() ?? "";
        }

        error.Write("Password: ");
        var first = ReadHidden();
        error.Write("Again: ");
        return ReadHidden() == first ? first : null;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        for (var key = System.Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = System.Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        System.Console.Error.WriteLine();
        return text.ToString();
    }
}
