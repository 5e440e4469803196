using Herald.Core.Inbound;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Providers;

/// <summary>
/// Applies each provider event once. The event id (SNS MessageId, Mailgun event-data id) is claimed in the replay
/// guard before the sink runs, so concurrent or later repeats are dropped; if the sink fails the claim is released
/// and 503 makes the provider retry. See docs/inbound.md, "Exactly once".
/// </summary>
internal sealed class EventApplier(IReplayGuard replayGuard, IProviderEventSink sink, TimeProvider time, ILogger<EventApplier> logger)
{
    public async Task<WebhookResponse> ApplyAsync(ProviderEvent providerEvent, TimeSpan retention, CancellationToken cancellationToken)
    {
        var fresh = await replayGuard.TryRememberAsync(providerEvent.Provider, providerEvent.Id, time.GetUtcNow() + retention, cancellationToken);
        if (!fresh)
        {
            ProviderLog.Duplicate(logger, providerEvent.Provider, providerEvent.Id);

            // 200, not 4xx: a duplicate is usually the provider's own retry and must stop it retrying.
            return WebhookResponse.Ok("duplicate");
        }

        try
        {
            await sink.HandleAsync(providerEvent, cancellationToken);
            return WebhookResponse.Ok("applied");
        }
        catch (Exception ex)
        {
            ProviderLog.SinkFailed(logger, ex, providerEvent.Provider, providerEvent.Id);
            await replayGuard.ForgetAsync(providerEvent.Provider, providerEvent.Id, CancellationToken.None);
            return WebhookResponse.Unavailable("event could not be stored");
        }
    }
}
