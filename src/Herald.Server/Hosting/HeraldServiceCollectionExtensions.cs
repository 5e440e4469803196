using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Access;
using Herald.Server.Configuration;
using Herald.Server.Health;
using Herald.Server.Pages;
using Herald.Server.Recipients;
using Herald.Server.Telemetry;
using Herald.Server.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Server.Hosting;

internal static class HeraldServiceCollectionExtensions
{
    /// <exception cref="DataMissingException">The store or the token key of an existing store is gone (see <see cref="DataFolder"/>).</exception>
    /// <exception cref="Herald.Core.Queue.StorageFaultException">The data folder or the token key cannot be created or read.</exception>
    public static IServiceCollection AddHerald(this IServiceCollection services, IConfiguration configuration, ServeOptions? serve = null)
    {
        var section = configuration.GetSection("Herald");
        services.Configure<HeraldOptions>(section);
        var options = section.Get<HeraldOptions>() ?? new HeraldOptions();
        var notes = DataFolder.Prepare(configuration, serve ?? new ServeOptions());
        services.AddSingleton(notes);
        services.AddSingleton<StartupReport>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(CatalogueFromConfiguration(options));
        services.AddSingleton(sp => new MessageFactory(
            sp.GetRequiredService<TimeProvider>(), options.MessageIdDomain, options.BounceDomain, Simulator.SimulatorConfiguration.Routes(configuration)));
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<IQueueWaker>(sp => sp.GetRequiredService<QueueSignal>());
        services.AddSingleton(new IntakeOptions(options.Delivery.IdempotencyWindow));
        // A factory, so the container disposes it.
        services.AddSingleton(_ => new IntakeAdmission(
            options.Delivery.IntakeConcurrencyOn(StorageConfiguration.IsKind(configuration, StorageConfiguration.Postgres))));
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<Readiness>();
        var roles = NodeRoles.From(configuration);
        services.AddSingleton(roles);
        services.AddHeraldHealth(roles);
        services.AddHeraldTelemetry(options.Telemetry);
        services.AddSingleton(sp => new DeliveryPipeline(
            sp.GetRequiredService<NotificationCatalogue>(),
            sp.GetRequiredService<IMessageSigner>(),
            sp.GetRequiredService<ISmtpTransport>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<ISendGate>(),
            sp.GetServices<IMessageEnricher>(),
            settingsLinks: sp.GetRequiredService<SettingsLinks>()));
        if (roles.Delivery)
        {
            services.AddHostedService<DeliveryWorker>();
        }

        services.AddHeraldStorage(configuration);
        services.AddHeraldRecipients(configuration, options.DataDirectory, notes);
        Herald.Server.Lifecycle.LifecycleServiceCollectionExtensions.AddHeraldLifecycle(services, configuration, options.DataDirectory, notes);
        services.AddHeraldTransport(configuration);
        Simulator.SimulatorRegistration.AddHeraldSimulatorWhenEnabled(services, configuration);
        Herald.Server.Feedback.FeedbackServiceCollectionExtensions.AddHeraldFeedback(services, configuration);

        services.AddHeraldAccess(configuration);
        services.AddHeraldPages(configuration, options.DataDirectory);
        Herald.Server.Doctor.DoctorRegistration.AddHeraldDoctor(services, configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageFaultHandler>();
        services.AddHeraldHttpLimits(options.Http);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            // Fixed, so the committed document does not depend on which program hosts the server.
            document.Info.Title = "Herald API";
            document.Info.Description = "Notification email that arrives, and says why when it does not. Calls under /v1 need " +
                "'Authorization: Bearer <key>' with the scope each operation names (send, read, recipients, operator, admin); " +
                "anonymous calls work only in the quick start (development mailbox, loopback).";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key from 'herald keys create' or POST /v1/keys (hk_...).",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ScopeMetadata>().LastOrDefault() is { } required)
            {
                operation.Description = $"{operation.Description} Needs a key with the scope '{required.Scope}'.".TrimStart();
            }

            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
        return services;
    }

    /// <summary>Builds the catalogue or stops start-up listing every configuration mistake at once.</summary>
    public static NotificationCatalogue CatalogueFromConfiguration(HeraldOptions options)
    {
        var result = HeraldCatalogue.Build(options);
        if (!result.IsValid)
        {
            throw new OptionsValidationException("Herald:Catalogue", typeof(HeraldOptions), result.Errors);
        }

        return result.Catalogue!;
    }
}
