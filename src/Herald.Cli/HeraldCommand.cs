using System.CommandLine;
using Herald.Cli.Commands.Bounces;
using Herald.Cli.Commands.Config;
using Herald.Cli.Commands.Messages;
using Herald.Cli.Commands.Server;

namespace Herald.Cli;

/// <summary>The root of the <c>herald</c> command; each noun's commands register here.</summary>
internal static class HeraldCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Herald: notification email that arrives, and says why when it does not.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(SendCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ConfigCheckCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(Commands.Suppressions.SuppressionsCommand.Create());
        root.Subcommands.Add(Commands.Keys.KeysCommand.Create());
        root.Subcommands.Add(Commands.Webhooks.WebhooksCommand.Create());
        root.Subcommands.Add(Commands.Recipients.RecipientsCommand.Create());
        root.Subcommands.Add(Commands.Operators.OperatorsCommand.Create());
        root.Subcommands.Add(Commands.Database.DbCommand.Create());
        root.Subcommands.Add(Commands.Doctor.DoctorCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();
}
