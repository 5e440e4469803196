using Herald.Server.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Server.Health;

/// <summary>Ready while the store takes writes; a faulted store (a full disk) is probed at most once a second by <see cref="Readiness"/>.</summary>
internal sealed class StoreHealthCheck(Readiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await readiness.StoreFaultAsync(cancellationToken) is { } fault
            ? HealthCheckResult.Unhealthy(fault.Message, data: HealthState.Data(HealthState.StorageUnavailable))
            : HealthCheckResult.Healthy("the store takes writes");
}
