using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Workers;

/// <summary>
/// The retention pruner: every <see cref="RetentionOptions.Interval"/> it removes what is past its age in batches of
/// <see cref="RetentionOptions.BatchSize"/> rows per table, each one short write through the store's writer (acceptances
/// queue behind one batch at most, never behind the whole backlog), then gives freed space back and checks the disk.
/// A failed pass is logged and tried again next time: the worker never dies from one.
/// Each pass also closes the domain incidents with no block for the incident window (<see cref="FeedbackService.CloseQuietIncidentsAsync"/>):
/// the one periodic worker every role runs, on the same clock, so an incident closes within an interval of going quiet.
/// </summary>
internal sealed class RetentionWorker(IStoreMaintenance store, RetentionOptions options, TimeProvider time, DiskSpaceCheck disk, FeedbackService feedback,
    ILogger<RetentionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The first pass waits one interval too: start-up (recovery, the first acceptances) comes first.
                await Task.Delay(options.Interval, time, stoppingToken);
                await SweepAsync(stoppingToken);
                await PassAsync(stoppingToken);
                disk.IsLow();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LifecycleLog.PassFailed(logger, e, options.Interval);
            }
        }
    }

    /// <summary>Closes quiet incidents; a failure is logged on its own, so that it never stops the pruning (nor the reverse).</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await feedback.CloseQuietIncidentsAsync(cancellationToken) is > 0 and var closed)
            {
                LifecycleLog.IncidentsClosed(logger, closed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LifecycleLog.SweepFailed(logger, e, options.Interval);
        }
    }

    /// <summary>One pass at the clock's time: prunes until nothing is past its age, then reclaims; the rows removed.</summary>
    internal async Task<long> PassAsync(CancellationToken cancellationToken)
    {
        var cutoffs = options.CutoffsAt(time.GetUtcNow());
        var removed = new Dictionary<string, long>(StringComparer.Ordinal);
        PruneBatch batch;
        do
        {
            batch = await store.PruneAsync(cutoffs, options.BatchSize, cancellationToken);
            foreach (var (table, n) in batch.Removed)
            {
                removed[table] = removed.GetValueOrDefault(table) + n;
            }
        }
        while (batch.MoreThan(options.BatchSize));

        var total = removed.Values.Sum();
        if (total > 0)
        {
            long released = 0, step;
            while ((step = await store.ReclaimAsync(cancellationToken)) > 0)
            {
                released += step;
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                LifecycleLog.Pruned(logger, total, string.Join(", ", removed.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}")), released >> 10);
            }
        }

        return total;
    }
}
