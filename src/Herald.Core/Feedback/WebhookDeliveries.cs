namespace Herald.Core.Feedback;

/// <summary>
/// Operators' view of the webhook outbox (API, CLI and console): deliveries per endpoint with their attempts, and replay
/// of dead letters, now.
/// </summary>
public sealed class WebhookDeliveries(IFeedbackStore store, TimeProvider time)
{
    public Task<IReadOnlyList<WebhookDelivery>> ListAsync(string endpoint, WebhookDeliveryState? state, long? before, int limit, CancellationToken cancellationToken) =>
        store.WebhookDeliveriesAsync(endpoint, state, before, limit, cancellationToken);

    /// <summary>The latest deliveries about one address, whatever the endpoint.</summary>
    public Task<IReadOnlyList<WebhookDelivery>> ForAddressAsync(string address, int limit, CancellationToken cancellationToken) =>
        store.WebhookDeliveriesForAddressAsync(address, limit, cancellationToken);

    public Task<IReadOnlyList<WebhookBacklog>> BacklogAsync(CancellationToken cancellationToken) => store.WebhookBacklogAsync(cancellationToken);

    /// <param name="to">Another configured endpoint to send it to instead; null: the endpoint's own (current) URL.</param>
    public async Task<WebhookReplayOutcome> ReplayAsync(string endpoint, long id, string? to, CancellationToken cancellationToken)
    {
        var delivery = await store.WebhookDeliveryAsync(endpoint, id, cancellationToken);
        if (delivery is null)
        {
            return WebhookReplayOutcome.NotFound;
        }

        if (delivery.State != WebhookDeliveryState.Dead)
        {
            return WebhookReplayOutcome.NotDead;
        }

        // Replayed by another operator in between: it is due now either way.
        await store.ReplayWebhooksAsync(new WebhookReplay(endpoint, id, time.GetUtcNow(), to), cancellationToken);
        return WebhookReplayOutcome.Replayed;
    }

    /// <summary>Every dead letter of the endpoint; how many.</summary>
    public Task<int> ReplayAllAsync(string endpoint, string? to, CancellationToken cancellationToken) =>
        store.ReplayWebhooksAsync(new WebhookReplay(endpoint, null, time.GetUtcNow(), to), cancellationToken);
}
