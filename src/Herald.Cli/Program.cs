using Herald.Cli;

return await HeraldCommand.RunAsync(args);
