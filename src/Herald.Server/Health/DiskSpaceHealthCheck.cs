using Herald.Server.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Server.Health;

/// <summary>
/// Not ready while the data folder's file system has less room than <c>Herald:Retention:MinFreeDiskBytes</c>: a load
/// balancer moves traffic before writes start failing with a full disk (then <see cref="StoreHealthCheck"/> takes over).
/// </summary>
internal sealed class DiskSpaceHealthCheck(DiskSpaceCheck disk) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(disk.IsLow()
            ? HealthCheckResult.Unhealthy($"less than {disk.MinFreeBytes >> 20} MiB free on the data folder's file system", data: HealthState.Data(HealthState.DiskSpaceLow))
            : HealthCheckResult.Healthy("the data folder's file system has room"));
}
