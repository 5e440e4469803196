using Herald.Core.Catalogue;
using Herald.Smtp.DevMailbox;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Dkim;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Configuration;

/// <summary>How Herald reads its settings, shared by the server and <c>herald config check</c> so both see the same thing.</summary>
public static class HeraldConfiguration
{
    /// <summary>Puts the shipped defaults under every other source, so appsettings.json, environment and arguments win.</summary>
    public static void AddShippedDefaults(IConfigurationBuilder builder)
    {
        using var resource = typeof(HeraldConfiguration).Assembly.GetManifestResourceStream("Herald.Server.defaults.json")
            ?? throw new InvalidOperationException("defaults.json is not embedded in Herald.Server");
        var memory = new MemoryStream();
        resource.CopyTo(memory);
        memory.Position = 0;
        builder.Sources.Insert(0, new JsonStreamConfigurationSource { Stream = memory });
    }

    /// <summary>
    /// Every problem in the configuration, in words naming the setting; empty when Herald can start. The one list
    /// start-up and <c>herald config check</c> report: values that do not convert first, then each area's own rules.
    /// </summary>
    /// <param name="environment">The host's environment name; null reads it as the host would (<see cref="EnvironmentName"/>).</param>
    public static IReadOnlyList<string> Check(IConfiguration configuration, string? environment = null)
    {
        var errors = new List<string>(ConfigurationBinding.Problems(configuration, out var bindable));
        configuration = bindable;
        var options = configuration.GetSection("Herald").Get<HeraldOptions>() ?? new HeraldOptions();
        var catalogue = HeraldCatalogue.Build(options);
        errors.AddRange(catalogue.Errors);
        errors.AddRange(Recipients.RecipientsConfiguration.Check(configuration, options.Catalogue));
        errors.AddRange(ServerProblems(configuration, options));
        if (NodeRoles.Problem(configuration) is { } roles)
        {
            errors.Add(roles);
        }

        errors.AddRange(Feedback.FeedbackConfiguration.Check(configuration));
        errors.AddRange(Inbound.InboundConfiguration.Check(configuration));
        errors.AddRange(Simulator.SimulatorConfiguration.Check(configuration, environment ?? EnvironmentName(configuration)));
        errors.AddRange(StorageConfiguration.Check(configuration));
        errors.AddRange(Lifecycle.LifecycleServiceCollectionExtensions.Check(configuration));
        var smtp = configuration.GetSection("Herald:Smtp");
        errors.AddRange(TransportConfiguration.Check(configuration, environment ?? EnvironmentName(configuration)));
        errors.AddRange(SmtpRoutesConfiguration.Problems(smtp, "Herald:Smtp"));
        errors.AddRange(DkimConfiguration.Problems(smtp.GetSection("Dkim"), "Herald:Smtp:Dkim"));
        if (catalogue.Catalogue is { } built)
        {
            errors.AddRange(SenderProblems.Check(smtp, options, built, environment ?? EnvironmentName(configuration)));
        }

        return errors;
    }

    /// <summary>
    /// The environment as ASP.NET Core's host reads it: <c>--environment</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else
    /// <c>DOTNET_ENVIRONMENT</c>, else Production.
    /// </summary>
    public static string EnvironmentName(IConfiguration configuration) =>
        new[] { configuration["environment"], configuration["ASPNETCORE_ENVIRONMENT"], configuration["DOTNET_ENVIRONMENT"] }
            .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e)) ?? Environments.Production;

    private static IEnumerable<string> ServerProblems(IConfiguration configuration, HeraldOptions options)
    {
        var delivery = options.Delivery;
        if (delivery.Concurrency < 1)
        {
            yield return "Herald:Delivery:Concurrency: must be at least 1";
        }

        if (delivery.CriticalConcurrency < 0)
        {
            yield return "Herald:Delivery:CriticalConcurrency: must not be negative";
        }

        if (delivery.IntakeConcurrency < 0)
        {
            yield return "Herald:Delivery:IntakeConcurrency: must not be negative (0: no limit)";
        }

        if (delivery.LeaseDuration < TimeSpan.FromSeconds(10))
        {
            yield return "Herald:Delivery:LeaseDuration: must be at least 10 seconds, longer than any SMTP transaction";
        }

        if (delivery.IdempotencyWindow <= TimeSpan.Zero || delivery.IdlePoll <= TimeSpan.Zero)
        {
            yield return "Herald:Delivery: IdempotencyWindow and IdlePoll must be positive durations";
        }

        if (options.Health.CriticalQueueMaxAge < TimeSpan.Zero)
        {
            yield return "Herald:Health:CriticalQueueMaxAge: must not be negative (0 turns the check off)";
        }

        if (options.Telemetry.OtlpEndpoint is { Length: > 0 } otlp && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
        {
            yield return $"Herald:Telemetry:OtlpEndpoint: '{otlp}' is not an absolute URL (e.g. http://127.0.0.1:4317)";
        }

        var http = options.Http;
        if (http.MaxRequestBodyBytes < 1024)
        {
            yield return "Herald:Http:MaxRequestBodyBytes: must be at least 1024 bytes";
        }

        // Kestrel's MinDataRate refuses a grace period within its one-second heartbeat.
        if (http.MinRequestBodyDataRate <= 0 || http.RequestBodyGracePeriod <= TimeSpan.FromSeconds(1))
        {
            yield return "Herald:Http: MinRequestBodyDataRate must be positive and RequestBodyGracePeriod longer than 1 second";
        }

        if (configuration.GetValue<int?>("Herald:RateLimits:PerKey:PerSecond") is < 1 || configuration.GetValue<int?>("Herald:RateLimits:PerKey:Burst") is < 1)
        {
            yield return "Herald:RateLimits:PerKey: PerSecond and Burst must be at least 1";
        }

        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ListenUrls.Problem(url) is { } problem)
            {
                yield return $"urls: '{url}' {problem}";
            }
        }

        if (Hosting.ConsoleLogFormat.Problem(configuration) is { } logFormat)
        {
            yield return logFormat;
        }

        if (configuration.GetSection("Herald:Smtp:DevMailbox").Get<DevMailboxOptions>() is { } mailbox
            && (mailbox.Port is < 0 or > 65535 || mailbox.Capacity < 1))
        {
            yield return "Herald:Smtp:DevMailbox: Port must be 0 (any free port) to 65535 and Capacity at least 1";
        }
    }

    /// <summary>The configuration the server would see when started from the current folder with these arguments.</summary>
    public static IConfigurationRoot Load(string[] args, string? file)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true);
        if (file is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        builder.AddEnvironmentVariables().AddCommandLine(args);
        AddShippedDefaults(builder);
        return builder.Build();
    }
}
