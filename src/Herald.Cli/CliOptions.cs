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

    public static Option<bool> Json() => new("--json") { Description = "Print the full JSON answer" };
}
