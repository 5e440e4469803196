using System.CommandLine;
using Herald.Core.Queue;
using Herald.Server;
using Herald.Server.Access;
using Herald.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Cli.Commands.Server;

internal static class ServeCommand
{
    public static Command Create()
    {
        var init = new Option<bool>("--init")
        {
            Description = "Start an empty store where one existed and is gone (its herald.db.marker is there, the database is not): "
                + "everything the lost store held is gone. Needed only once.",
        };
        var rotate = new Option<bool>("--rotate-token-key")
        {
            Description = "Generate a new token key (when the token-key file is gone, or to replace it): every unsubscribe and "
                + "verification link already sent stops working.",
        };
        var command = new Command("serve", "Run Herald: the HTTP API, the delivery workers and, in the Development environment with no route "
            + "configured, the development mailbox. Takes the usual ASP.NET Core arguments, e.g. --urls http://127.0.0.1:5000, "
            + "--environment Development or --Herald:DataDirectory=/var/lib/herald.")
        {
            init,
            rotate,
        };
        var roles = CliOptions.Roles();
        command.Options.Add(roles);
        // Everything else after 'serve' goes to ASP.NET Core's configuration (--urls, --environment, --Herald:...=...).
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            WebApplication app;
            try
            {
                app = HeraldServer.Build(CliOptions.WithRoles(parse.UnmatchedTokens, parse.GetValue(roles)), serve: new ServeOptions(parse.GetValue(init), parse.GetValue(rotate)));
            }
            catch (OptionsValidationException e)
            {
                // The same list as 'herald config check', one problem a line, instead of a stack trace.
                foreach (var problem in e.Failures)
                {
                    await error.WriteLineAsync(problem);
                }

                await error.WriteLineAsync($"{e.Failures.Count()} problem(s): Herald did not start. 'herald config check' lists them too.");
                return ExitCodes.Rejected;
            }
            catch (StorageFaultException e)
            {
                await error.WriteLineAsync($"Storage fault: {e.Message}. Herald did not start.");
                return ExitCodes.StorageFault;
            }
            catch (DataMissingException e)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.Refused;
            }

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (StartupRefusedException refused)
                {
                    await error.WriteLineAsync(refused.Message);
                    return ExitCodes.Refused;
                }

                await app.WaitForShutdownAsync(cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
