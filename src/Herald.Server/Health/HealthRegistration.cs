using Herald.Server.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Server.Health;

/// <summary>
/// ASP.NET Core health checks. Liveness (/healthz/live) runs no check: the process answers, so an orchestrator restarts
/// it only when it hangs. Readiness (/healthz/ready, and /healthz as before) runs every check tagged ready: a failing
/// one answers 503 and takes Herald out of the load balancer without restarting it (Kubernetes' probe split).
/// </summary>
internal static class HealthRegistration
{
    /// <summary>
    /// Readiness checks what the node's roles need: every node needs the store and its disk; only a delivery node has
    /// lanes to start (<c>workers</c>) and answers for critical mail waiting (<c>critical-queue</c>). An API node is
    /// not taken out of its load balancer because delivery lags elsewhere: its clients' messages are still accepted.
    /// </summary>
    public static IServiceCollection AddHeraldHealth(this IServiceCollection services, NodeRoles roles)
    {
        services.AddSingleton<QueueBacklog>();
        var checks = services.AddHealthChecks();
        if (roles.Delivery)
        {
            checks.AddCheck<WorkersHealthCheck>("workers", tags: [HealthState.ReadyTag]);
        }

        checks.AddCheck<StoreHealthCheck>("store", tags: [HealthState.ReadyTag])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: [HealthState.ReadyTag]);
        if (roles.Delivery)
        {
            checks.AddCheck<CriticalQueueHealthCheck>("critical-queue", tags: [HealthState.ReadyTag]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHeraldHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthState.ReadyTag),
            ResponseWriter = (context, report) => HealthResponse.WriteAsync(context, report, HealthState.Ready),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        };
        app.MapHealthChecks("/healthz/ready", ready);
        app.MapHealthChecks("/healthz", ready);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, report) => HealthResponse.WriteAsync(context, report, "live"),
        });
        return app;
    }
}
