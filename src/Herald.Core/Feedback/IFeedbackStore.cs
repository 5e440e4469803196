using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>The suppression ledger, its history, domain incidents and the webhook outbox (port).</summary>
public interface IFeedbackStore
{
    /// <summary>The ledger of an address (compared case-insensitively); an empty ledger when Herald knows nothing of it.</summary>
    Task<AddressLedger> GetAsync(string address, CancellationToken cancellationToken);

    /// <summary>The address's history, oldest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string address, CancellationToken cancellationToken);

    /// <summary>Addresses with a suspension recorded (possibly expired), ordered by address, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<AddressLedger>> ListSuspendedAsync(int limit, string? after, CancellationToken cancellationToken);

    /// <summary>Domain incidents, latest first, optionally of one domain.</summary>
    Task<IReadOnlyList<DomainIncident>> IncidentsAsync(string? domain, int limit, CancellationToken cancellationToken);

    Task<T> UpdateAsync<T>(LedgerUpdate<T> update, CancellationToken cancellationToken);

    /// <summary>
    /// Persist a message that is suppressed at submission: the message, its <c>accepted</c> and <c>suppressed</c> events and
    /// its outbox rows in one transaction, final at once (nothing is ever claimed or sent).
    /// </summary>
    Task<EnqueueResult> EnqueueSuppressedAsync(NewMessage message, DeliveryEvent accepted, DeliveryEvent suppressed,
        DateTimeOffset idempotencySince, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken);

    /// <summary>Outbox rows due for delivery at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> DueWebhooksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Records an attempt: delivered, or failed with the next attempt time (null: give up).</summary>
    Task WebhookAttemptedAsync(long seq, bool delivered, DateTimeOffset? nextAttemptAt, string? error, CancellationToken cancellationToken);
}
