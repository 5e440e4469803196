using System.CommandLine;

namespace Herald.Cli;

internal static class CliOptions
{
    public const string DefaultServer = "http://127.0.0.1:5000";

    /// <summary>Where a running Herald listens; <c>HERALD_URL</c> overrides the default.</summary>
    public static Option<Uri> Server() => new("--server")
    {
        Description = $"Herald's base URL (default: $HERALD_URL or {DefaultServer})",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("HERALD_URL") is { Length: > 0 } url ? url : DefaultServer),
        CustomParser = r => new Uri(r.Tokens[0].Value), // System.CommandLine 2.0 has no built-in Uri conversion
    };

    public static Option<bool> Json() => new("--json") { Description = "Print the full JSON answer" };
}
