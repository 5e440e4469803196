using System.CommandLine;
using Herald.Core.Queue;
using Herald.Server;
using Herald.Server.Hosting;
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
        // Everything else after 'serve' goes to ASP.NET Core's configuration (--urls, --environment, --Herald:...=...).
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await using var app = HeraldServer.Build(parse.UnmatchedTokens.ToArray(), serve: new ServeOptions(parse.GetValue(init), parse.GetValue(rotate)));
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (OptionsValidationException e)
            {
                foreach (var failure in e.Failures)
                {
                    await error.WriteLineAsync(failure);
                }

                await error.WriteLineAsync($"{e.Failures.Count()} problem(s): Herald did not start.");
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
                return ExitCodes.DataMissing;
            }
        });
        return command;
    }
}
