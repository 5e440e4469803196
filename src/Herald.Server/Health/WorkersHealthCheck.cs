using Herald.Server.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Server.Health;

/// <summary>Ready once the queue is recovered (leases of a previous run released) and the delivery lanes run.</summary>
internal sealed class WorkersHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.Started
            ? HealthCheckResult.Healthy("queue recovered, delivery lanes running")
            : HealthCheckResult.Unhealthy("recovering the queue", data: HealthState.Data(HealthState.Starting)));
}
