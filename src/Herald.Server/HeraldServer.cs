using Herald.Server.Api.Deliverability;
using Herald.Server.Api.DevMailbox;
using Herald.Server.Api.DevTemplates;
using Herald.Server.Api.Diagnoses;
using Herald.Server.Api.Incidents;
using Herald.Server.Api.Keys;
using Herald.Server.Api.Messages;
using Herald.Server.Api.Providers;
using Herald.Server.Api.Recipients;
using Herald.Server.Api.Suppressions;
using Herald.Server.Api.Webhooks;
using Herald.Server.Configuration;
using Herald.Server.Health;
using Herald.Server.Hosting;
using Herald.Server.Pages;
using Herald.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Herald.Server;

/// <summary>The one deployable: API, pages and workers in one process, started by <c>herald serve</c>.</summary>
public static class HeraldServer
{
    /// <param name="configure">Lets tests and the CLI override settings before the services are built.</param>
    /// <param name="serve">What the operator allowed for this start only (<c>--init</c>, <c>--rotate-token-key</c>).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The configuration has problems (each names its setting).</exception>
    /// <exception cref="DataMissingException">The store or the token key of an existing store is gone.</exception>
    /// <exception cref="Herald.Core.Queue.StorageFaultException">The store or the data folder is corrupt, truncated, unreadable or read-only.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, ServeOptions? serve = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        HeraldConfiguration.AddShippedDefaults(builder.Configuration);
        ConsoleLogFormat.Apply(builder);
        configure?.Invoke(builder);
        var problems = HeraldConfiguration.Check(builder.Configuration, builder.Environment.EnvironmentName);
        if (problems.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException("Herald", typeof(HeraldOptions), problems);
        }

        builder.Services.AddHerald(builder.Configuration, serve);

        var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<StartupReport>().Run();
        }
        catch
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        app.UseHeraldProblemDetails();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // Every node answers health and metrics; only an API node the API, its document and the pages (Herald:Roles).
        app.MapHeraldHealth();
        app.MapHeraldTelemetry(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HeraldOptions>>().Value.Telemetry);
        if (app.Services.GetRequiredService<NodeRoles>().Api)
        {
            MapApi(app);
        }

        return app;
    }

    private static void MapApi(WebApplication app)
    {
        app.MapOpenApi();
        app.MapMessagesApi();
        app.MapRecipientMessagesApi();
        app.MapRecipientsApi();
        app.MapPersonalDataApi();
        app.MapDevMailboxApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTemplatesApi();
        }

        app.MapDeliverabilityApi();
        app.MapSuppressionsApi();
        app.MapIncidentsApi();
        app.MapDiagnosesApi();
        app.MapWebhooksApi();
        app.MapKeysApi();
        app.MapProviderWebhooks();
        app.MapHeraldPages();
    }

    public static Task RunAsync(string[] args) => Build(args).RunAsync();
}
