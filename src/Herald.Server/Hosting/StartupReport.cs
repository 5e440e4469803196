using Herald.Core.Queue;
using Herald.Server.Configuration;
using Herald.Server.Workers;
using Herald.Smtp.DevMailbox;
using Herald.Smtp.Inbound;
using Herald.Smtp.Outbound;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Server.Hosting;

/// <summary>
/// Opens the store before anything listens, and writes Herald's first log lines: the environment, where mail goes
/// (each route, or the development mailbox), which store (kind and full path, created or opened), what the operator's
/// flags broke, and, once listening, every address (HTTP, inbound SMTP). An operator reading the first screen of a log
/// knows whether this Herald sends real mail, to where, and from which data.
/// </summary>
internal sealed partial class StartupReport(
    IServiceProvider services,
    IConfiguration configuration,
    IStoreHealth store,
    StartupNotes notes,
    Readiness readiness,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    NodeRoles roles,
    ILogger<StartupReport> logger)
{
    /// <summary>Runs before the host starts; blocks on the store's first write (a one-off, on the start-up thread).</summary>
    /// <exception cref="StorageFaultException">The store is corrupt, truncated, unreadable or read-only.</exception>
    public void Run()
    {
        LogEnvironment(logger, environment.EnvironmentName, roles.ToString());
        LogMail(logger, MailDestinations());

        var kind = StorageConfiguration.Kind(configuration);
        var sqlite = StorageConfiguration.IsKind(configuration, StorageConfiguration.Sqlite);
        var path = StorageConfiguration.Location(configuration);
        var existed = !sqlite || (File.Exists(path) && new FileInfo(path).Length > 0);
        // Said before the step that can take a while on a large store, so a reader of the console knows what it waits for.
        LogOpening(logger, kind.ToLowerInvariant(), path, existed ? "applying any schema migrations it lacks" : "creating it with the current schema");
        // Opens (creating or migrating) the store and commits one write: a broken store stops start-up here, with the
        // file and the problem named, before the API or the inbound listener accept anything.
        var fault = store.ProbeAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (sqlite)
        {
            StoreMarker.Ensure(path, time.GetUtcNow());
        }

        LogStore(logger, kind.ToLowerInvariant(), path, existed ? "opened" : "created");
        if (fault is not null)
        {
            readiness.StoreFaulted(fault);
            LogStoreFault(logger, fault.Message);
        }

        foreach (var warning in notes.Warnings)
        {
            LogWarning(logger, warning);
        }

        lifetime.ApplicationStarted.Register(() => LogListening(logger, HttpAddresses(), InboundAddress()));
    }

    private string MailDestinations() =>
        services.GetService<Herald.Smtp.Simulator.SimulatorServer>() is { } simulator
            ? $"{Destinations()}; *@{Herald.Smtp.Simulator.SimulatorAddresses.Domain}: the bounce simulator on 127.0.0.1:{simulator.Port} (docs/simulator.md)"
            : Destinations();

    private string Destinations()
    {
        if (services.GetService<DevMailboxServer>() is { } mailbox)
        {
            return $"the development mailbox on 127.0.0.1:{mailbox.Port} (caught there, sent to nobody; GET /dev/mailbox)";
        }

        var routes = services.GetRequiredService<IOptions<SmtpRoutesOptions>>().Value.Routes;
        return string.Join("; ", routes.Select(r => r.Value.Kind == SmtpRouteKind.Direct
            ? $"route {r.Key}: direct to each recipient's MX"
            : $"route {r.Key}: relay {r.Value.Host}:{r.Value.Port ?? 587} (STARTTLS {r.Value.StartTls})"));
    }

    private string HttpAddresses() =>
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses
            ? string.Join(", ", addresses)
            : "none";

    private string InboundAddress() =>
        services.GetService<BounceListener>()?.LocalEndPoint is { } endpoint ? $"SMTP {endpoint}"
            : roles.Inbound ? "off (Herald:Inbound:Enabled=false)" : "off (not a role of this node: Herald:Roles)";

    // Says which roles run (Herald:Roles), so a log of several nodes tells an API node from a delivery node.
    [LoggerMessage(1, LogLevel.Information, "Herald starting in the {Environment} environment; roles: {Roles}")]
    private static partial void LogEnvironment(ILogger logger, string environment, string roles);

    [LoggerMessage(2, LogLevel.Information, "Mail goes to: {Destinations}")]
    private static partial void LogMail(ILogger logger, string destinations);

    [LoggerMessage(3, LogLevel.Information, "Store: {Kind} at {Path} ({State})")]
    private static partial void LogStore(ILogger logger, string kind, string path, string state);

    [LoggerMessage(7, LogLevel.Information, "Opening the store: {Kind} at {Path}, {Step}")]
    private static partial void LogOpening(ILogger logger, string kind, string path, string step);

    [LoggerMessage(4, LogLevel.Warning, "The store does not take writes: {Fault}; not ready until it does")]
    private static partial void LogStoreFault(ILogger logger, string fault);

    [LoggerMessage(5, LogLevel.Warning, "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(6, LogLevel.Information, "Listening: HTTP {Http}; inbound {Inbound}")]
    private static partial void LogListening(ILogger logger, string http, string inbound);
}
