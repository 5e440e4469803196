using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>The suppression ledger, its history, domain incidents and the webhook outbox (port).</summary>
public interface IFeedbackStore
{
    /// <summary>The ledger of an address (compared case-insensitively); an empty ledger when Herald knows nothing of it.</summary>
    Task<AddressLedger> GetAsync(string address, CancellationToken cancellationToken);

    /// <summary>
    /// The ledger of an address and whether its domain has an open incident, read together (one round trip): what every
    /// delivered message is checked against before anything is written.
    /// </summary>
    Task<LedgerWithDomain> GetWithDomainAsync(string address, CancellationToken cancellationToken);

    /// <summary>The address's history, oldest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string address, CancellationToken cancellationToken);

    /// <summary>Addresses with a suspension recorded (possibly expired), ordered by address, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<AddressLedger>> ListSuspendedAsync(int limit, string? after, CancellationToken cancellationToken);

    /// <summary>Domain incidents, latest hit first, optionally of one domain and in one state.</summary>
    Task<IReadOnlyList<DomainIncident>> IncidentsAsync(string? domain, IncidentState? state, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the open incidents the sweep's <see cref="IncidentLifecycle.Sweep"/> finds quiet, with their outbox rows, in one
    /// transaction: each closes once even when several nodes sweep at once. Returns how many closed.
    /// </summary>
    Task<int> CloseQuietIncidentsAsync(IncidentSweep sweep, CancellationToken cancellationToken);

    Task<T> UpdateAsync<T>(LedgerUpdate<T> update, CancellationToken cancellationToken);

    /// <summary>
    /// Persist a message that is suppressed at submission: the message, its <c>accepted</c> and <c>suppressed</c> events and
    /// its outbox rows in one transaction, final at once (nothing is ever claimed or sent).
    /// </summary>
    Task<EnqueueResult> EnqueueSuppressedAsync(NewMessage message, DeliveryEvent accepted, DeliveryEvent suppressed,
        DateTimeOffset idempotencySince, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Claims outbox rows due at the claim's time, oldest due first, for its owner until the lease ends: until then no
    /// other claimer gets them, so two processes do not both send one event. A row whose claim expired (its worker died
    /// or hung) is due again; delivery is therefore at least once, and the stable event id lets receivers de-duplicate.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimWebhooksAsync(WebhookClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt by the owner holding the row's claim, adds it to the row's attempt list and releases it:
    /// delivered, failed with the next attempt time, or failed for the last time (no next time: a dead letter). False, and
    /// nothing changes, when the row is not claimed by the record's owner (its claim expired and another claimer took it,
    /// or the attempt was already recorded).
    /// </summary>
    Task<bool> WebhookAttemptedAsync(WebhookAttemptRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Rows of one endpoint, latest first, optionally in one state, with seq below <paramref name="before"/> (paging),
    /// each with its attempts oldest first.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> WebhookDeliveriesAsync(string endpoint, WebhookDeliveryState? state, long? before, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Rows about one address (any endpoint), latest first, each with its attempts oldest first: the console's pane for
    /// that address.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> WebhookDeliveriesForAddressAsync(string address, int limit, CancellationToken cancellationToken);

    /// <summary>One row of an endpoint with its attempts; null when the endpoint has no row <paramref name="seq"/>.</summary>
    Task<WebhookDelivery?> WebhookDeliveryAsync(string endpoint, long seq, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the replay's dead letters due at its time (moved to its other endpoint when it names one), keeping their
    /// attempts and event id; rows that are pending or delivered are left alone. Returns how many were replayed.
    /// </summary>
    Task<int> ReplayWebhooksAsync(WebhookReplay replay, CancellationToken cancellationToken);

    /// <summary>Pending and dead rows per endpoint (endpoints with neither are left out).</summary>
    Task<IReadOnlyList<WebhookBacklog>> WebhookBacklogAsync(CancellationToken cancellationToken);
}
