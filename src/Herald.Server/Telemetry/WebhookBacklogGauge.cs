using Herald.Core.Feedback;
using Herald.Core.Queue;
using Herald.Server.Feedback.Webhooks;
using Herald.Server.Health;

namespace Herald.Server.Telemetry;

/// <summary>The outbox's pending rows and dead letters per endpoint, read at most once a second for the gauges.</summary>
internal sealed class WebhookBacklogGauge(WebhookEndpoints endpoints, TimeProvider time)
{
    private readonly SharedRead<IReadOnlyList<WebhookBacklog>> _read = new(endpoints.BacklogAsync, time);

    /// <summary>Observable instruments are read synchronously at collection (a scrape).</summary>
    public IReadOnlyList<WebhookBacklog> Read()
    {
        try
        {
            return _read.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (StorageFaultException)
        {
            return []; // no figure rather than a wrong one; readiness says why
        }
    }
}
