using System.CommandLine;
using Herald.Server;
using Herald.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Cli.Commands.Server;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run Herald: the HTTP API, the delivery workers and, with no relay configured, the development mailbox. "
            + "Takes the usual ASP.NET Core arguments, e.g. --urls http://127.0.0.1:5000 or --Herald:DataDirectory=/var/lib/herald.")
        {
            // Everything after 'serve' goes to ASP.NET Core's configuration (--urls, --Herald:...=...).
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            WebApplication app;
            try
            {
                app = HeraldServer.Build(parse.UnmatchedTokens.ToArray());
            }
            catch (OptionsValidationException e)
            {
                // The same list as 'herald config check', one problem a line, instead of a stack trace.
                var error = parse.InvocationConfiguration.Error;
                foreach (var problem in e.Failures)
                {
                    await error.WriteLineAsync(problem);
                }

                await error.WriteLineAsync($"{e.Failures.Count()} problem(s): Herald did not start. 'herald config check' lists them too.");
                return ExitCodes.Rejected;
            }

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (StartupRefusedException refused)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(refused.Message);
                    return ExitCodes.Refused;
                }

                await app.WaitForShutdownAsync(cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
