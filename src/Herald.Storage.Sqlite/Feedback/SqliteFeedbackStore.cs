using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// The feedback tables in the same SQLite file as the messages, written through the store's one group-commit writer,
/// so a ledger change and the events it adds to the original message commit together.
/// </summary>
public sealed class SqliteFeedbackStore(SqliteStore store) : IFeedbackStore
{
    private readonly FeedbackReads _reads = new(store.DatabasePath);

    public async Task<AddressLedger> GetAsync(string address, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.LedgerAsync(address, cancellationToken);
    }

    public async Task<LedgerWithDomain> GetWithDomainAsync(string address, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.LedgerWithDomainAsync(address, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string address, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.HistoryAsync(address, cancellationToken);
    }

    public async Task<IReadOnlyList<AddressLedger>> ListSuspendedAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.SuspendedAsync(limit, after, cancellationToken);
    }

    public async Task<IReadOnlyList<DomainIncident>> IncidentsAsync(string? domain, IncidentState? state, int limit, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.IncidentsAsync(domain, state, limit, cancellationToken);
    }

    public Task<int> CloseQuietIncidentsAsync(IncidentSweep sweep, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<int>(session =>
        {
            var step = IncidentRows.Sweep(session.Connection, sweep);
            LedgerRows.Outbox(session.Connection, sweep.Outbox(step.Notices));
            return step.Writes.Count;
        }, cancellationToken));

    public Task<T> UpdateAsync<T>(LedgerUpdate<T> update, CancellationToken cancellationToken) =>
        store.SubmitAsync(new LedgerUpdateOp<T>(update, cancellationToken));

    public Task<EnqueueResult> EnqueueSuppressedAsync(NewMessage message, DeliveryEvent accepted, DeliveryEvent suppressed,
        DateTimeOffset idempotencySince, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        store.SubmitAsync(new EnqueueSuppressedOp(message, accepted, suppressed, idempotencySince, outbox, cancellationToken));

    public Task<IReadOnlyList<OutboxMessage>> ClaimWebhooksAsync(WebhookClaim claim, CancellationToken cancellationToken) =>
        store.SubmitAsync(new WebhookClaimOp(claim, cancellationToken));

    public Task<bool> WebhookAttemptedAsync(WebhookAttemptRecord record, CancellationToken cancellationToken) =>
        store.SubmitAsync(new WebhookAttemptOp(record, cancellationToken));

    public async Task<IReadOnlyList<WebhookDelivery>> WebhookDeliveriesAsync(string endpoint, WebhookDeliveryState? state, long? before, int limit,
        CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.WebhooksAsync(endpoint, state, before, null, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> WebhookDeliveriesForAddressAsync(string address, int limit, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.WebhooksForAddressAsync(address, limit, cancellationToken);
    }

    public async Task<WebhookDelivery?> WebhookDeliveryAsync(string endpoint, long seq, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return (await _reads.WebhooksAsync(endpoint, null, null, seq, 1, cancellationToken)).SingleOrDefault();
    }

    public Task<int> ReplayWebhooksAsync(WebhookReplay replay, CancellationToken cancellationToken) =>
        store.SubmitAsync(new WebhookReplayOp(replay, cancellationToken));

    public async Task<IReadOnlyList<WebhookBacklog>> WebhookBacklogAsync(CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        return await _reads.WebhookBacklogAsync(cancellationToken);
    }
}
