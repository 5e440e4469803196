using System.CommandLine;
using Herald.Core.Catalogue;
using Herald.Core.Messages;
using Herald.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace Herald.Cli.Commands.Config;

internal static class ConfigCheckCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "An extra settings file to check (appsettings.json in the current folder is always read)" };
        var roles = CliOptions.Roles();
        var check = new Command("check", "Check the configuration Herald would start with; exit 0 when valid, 1 listing every problem.") { file, roles };
        check.TreatUnmatchedTokensAsErrors = false;
        check.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            IConfigurationRoot configuration;
            try
            {
                configuration = HeraldConfiguration.Load(CliOptions.WithRoles(parse.UnmatchedTokens, parse.GetValue(roles)), parse.GetValue(file));
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or FileNotFoundException or IOException)
            {
                // The JSON provider names the file; the line of a syntax error is two inner exceptions down.
                var messages = new List<string>();
                for (Exception? inner = e; inner is not null; inner = inner.InnerException)
                {
                    messages.Add(inner.Message);
                }

                await error.WriteLineAsync(string.Join(" ", messages));
                return ExitCodes.Rejected;
            }

            var problems = HeraldConfiguration.Check(configuration);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem);
                }

                await error.WriteLineAsync($"{problems.Count} problem(s): Herald would not start.");
                return ExitCodes.Rejected;
            }

            var options = configuration.GetSection("Herald").Get<HeraldOptions>()!;
            var catalogue = HeraldCatalogue.Build(options).Catalogue!;
            await output.WriteLineAsync($"Configuration is valid: {catalogue.Types.Count} notification types.");
            foreach (var type in catalogue.Types)
            {
                await output.WriteLineAsync($"  {type.Key,-28} {type.Category,-20} {type.Priority.ToWire(),-8} ttl {type.TimeToLive,-11} {(type.OptOut ? "opt-out allowed" : "always sent")}");
            }

            return ExitCodes.Ok;
        });
        return new Command("config", "Inspect Herald's configuration") { check };
    }
}
