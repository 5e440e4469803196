using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Server.Workers;

/// <summary>Runs the delivery lanes: one for critical messages only, one for everything (critical first).</summary>
internal sealed class DeliveryWorker(
    IDeliveryQueue queue,
    DeliveryPipeline pipeline,
    IEnumerable<IOutcomeObserver> observers,
    QueueSignal signal,
    TimeProvider time,
    IOptions<HeraldOptions> options,
    ILogger<DeliveryWorker> logger,
    Readiness readiness,
    Telemetry.HeraldMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Delivery;
        await queue.RecoverAsync(stoppingToken);
        readiness.WorkersStarted();
        DeliveryLane Lane(string name, Priority lowest, int concurrency) =>
            new(name, lowest, concurrency, queue, pipeline, observers.ToArray(), signal, time, o.LeaseDuration, o.IdlePoll, metrics, logger);

        await Task.WhenAll(
            Lane("critical", Priority.Critical, o.CriticalConcurrency).RunAsync(stoppingToken),
            Lane("general", Priority.Bulk, o.Concurrency).RunAsync(stoppingToken));
    }
}
