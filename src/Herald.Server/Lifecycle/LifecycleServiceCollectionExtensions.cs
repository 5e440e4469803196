using Herald.Core.Lifecycle;
using Herald.Server.Hosting;
using Herald.Server.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Lifecycle;

/// <summary>Retention (the pruner, the disk check), erasure and export (issue 17; docs/storage.md).</summary>
internal static class LifecycleServiceCollectionExtensions
{
    public const string Section = "Herald:Retention";

    public static IServiceCollection AddHeraldLifecycle(this IServiceCollection services, IConfiguration configuration, string dataDirectory, StartupNotes notes)
    {
        var options = Read(configuration);
        services.AddSingleton(options);
        var key = ErasureKeys.Load(configuration["Herald:Secrets:ErasureKey"], dataDirectory,
            notes.TokenKeyMode != Recipients.TokenKeyMode.CreateIfMissing, notes.Warn);
        services.AddSingleton(sp => new ErasedAddresses(sp.GetRequiredService<IErasureStore>(), new AddressFingerprint(key)));
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton(sp => new DiskSpaceCheck(dataDirectory, options.MinFreeDiskBytes, sp.GetRequiredService<ILogger<DiskSpaceCheck>>()));
        // The store's housekeeping goes with delivery: API-only nodes stay stateless and light.
        if (Configuration.NodeRoles.From(configuration).Delivery)
        {
            services.AddHostedService<RetentionWorker>();
        }

        return services;
    }

    public static RetentionOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RetentionOptions>() ?? new RetentionOptions();

    /// <summary>The section's problems for <c>herald config check</c> and start-up.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        var retention = Read(configuration);
        var problems = retention.Problems().ToList();
        var idempotency = (configuration.GetSection("Herald").Get<Configuration.HeraldOptions>() ?? new()).Delivery.IdempotencyWindow;
        if (retention.Messages > TimeSpan.Zero && retention.Messages < idempotency)
        {
            // A pruned message can no longer answer a retried request as a duplicate: it would be sent twice.
            problems.Add($"Herald:Retention:Messages: must be at least Herald:Delivery:IdempotencyWindow ({idempotency}), or a retried request " +
                $"whose message was pruned would be sent again (was {retention.Messages})");
        }

        return problems;
    }
}
