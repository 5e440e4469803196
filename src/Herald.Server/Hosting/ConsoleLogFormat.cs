using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Herald.Server.Hosting;

/// <summary>
/// Makes <c>Logging:Console:FormatterName</c> (simple, json, systemd) work. The finding: <c>CreateSlimBuilder</c>
/// registers the console with <c>AddSimpleConsole</c>, whose options action sets the formatter to "simple" after the
/// configuration is bound, so "json" was silently ignored. Here the configured name is applied last.
/// </summary>
internal static class ConsoleLogFormat
{
    public const string Setting = "Logging:Console:FormatterName";

    public static readonly string[] Names = [ConsoleFormatterNames.Simple, ConsoleFormatterNames.Json, ConsoleFormatterNames.Systemd];

    public static void Apply(WebApplicationBuilder builder)
    {
        builder.Logging.AddConsole(); // registers all three formatters
        builder.Services.PostConfigure<ConsoleLoggerOptions>(options =>
        {
            if (builder.Configuration[Setting] is { Length: > 0 } name)
            {
                options.FormatterName = name;
            }
        });
    }

    public static string? Problem(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } name && !Names.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"{Setting}: '{name}' is not a console formatter; use {string.Join(", ", Names)}"
            : null;
}
