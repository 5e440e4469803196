using Herald.Core.Messages;
using Herald.Server.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Herald.Server.Health;

/// <summary>
/// Not ready while the oldest waiting critical message (a sign-in code, an address confirmation) is older than
/// <see cref="HealthOptions.CriticalQueueMaxAge"/>: this node is not keeping up, and new critical mail is better sent
/// through another. Deferred messages count too: a relay that refuses everything is exactly what this catches.
/// </summary>
internal sealed class CriticalQueueHealthCheck(QueueBacklog backlog, TimeProvider time, IOptions<HeraldOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.Health.CriticalQueueMaxAge;
        if (limit <= TimeSpan.Zero)
        {
            return HealthCheckResult.Healthy("off (Herald:Health:CriticalQueueMaxAge=0)");
        }

        var critical = (await backlog.ReadAsync(cancellationToken)).Single(d => d.Priority == Priority.Critical);
        var age = critical.OldestCreatedAt is { } oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;
        var text = $"{critical.Count} critical message(s) waiting, the oldest for {(long)age.TotalSeconds} s (limit {(long)limit.TotalSeconds} s)";
        return age > limit
            ? HealthCheckResult.Unhealthy(text, data: HealthState.Data(HealthState.CriticalQueueLate))
            : HealthCheckResult.Healthy(text);
    }
}
