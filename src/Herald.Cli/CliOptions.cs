using System.CommandLine;

namespace Herald.Cli;

internal static class CliOptions
{
    public const string DefaultServer = "http://127.0.0.1:5000";

    /// <summary>Where a running Herald listens; <c>HERALD_URL</c> overrides the default.</summary>
    public static Option<string> Server()
    {
        var option = new Option<string>("--server")
        {
            Description = $"Herald's base URL (default: $HERALD_URL or {DefaultServer})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HERALD_URL") is { Length: > 0 } url ? url : DefaultServer,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--server: '{value}' is not an http(s) URL");
            }
        });
        return option;
    }

    /// <summary><c>--roles</c> of <c>serve</c> and <c>config check</c>: the setting <c>Herald:Roles</c>, given on the command line.</summary>
    public static Option<string?> Roles() => new(Herald.Server.Configuration.NodeRoles.Option)
    {
        Description = "The parts this node runs, comma-separated: api, delivery, inbound, webhooks (default: all; also Herald:Roles)",
    };

    /// <summary>The configuration arguments with <c>--roles</c> passed on as <c>Herald:Roles</c> (the one place it is read).</summary>
    public static string[] WithRoles(IEnumerable<string> args, string? roles) =>
        roles is null ? [.. args] : [.. args, $"--{Herald.Server.Configuration.NodeRoles.Setting}={roles}"];

    public static Option<bool> Json() => new("--json") { Description = "Print the full JSON answer" };
}
