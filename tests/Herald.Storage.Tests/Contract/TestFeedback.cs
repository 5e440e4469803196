using Herald.Core.Events;
using Herald.Core.Feedback;

namespace Herald.Storage.Tests.Contract;

/// <summary>Ledger updates for the feedback contract suites, each with one obvious effect.</summary>
internal static class TestFeedback
{
    /// <summary>Applies <paramref name="change"/>, writes one history line and returns the ledger the decision saw.</summary>
    public static LedgerUpdate<AddressLedger> Change(string address, DateTimeOffset at, Func<AddressLedger, AddressLedger> change,
        string action = "suspended", BlockHit? block = null, IReadOnlyList<DeliveryEvent>? events = null, Action<string?>? incident = null) =>
        new(address, (ledger, incidentId) =>
        {
            incident?.Invoke(incidentId);
            var entry = new LedgerEntry(address, at, action, "hard-bounce", "herald", "550 5.1.1 User unknown", "msg_1");
            return (new LedgerDecision(change(ledger), [entry], []), ledger);
        }, block, events ?? [], _ => []);

    /// <summary>Changes nothing but writes one outbox row per event id, created (and so due) at <paramref name="at"/>.</summary>
    public static LedgerUpdate<bool> Notify(string address, DateTimeOffset at, params string[] eventIds) =>
        new(address, (ledger, _) =>
            (new LedgerDecision(ledger, [], [new FeedbackNotice("suppressed", address, at, null, "hard-bounce", null)]), true),
            null, [], notices => notices.Count == 0 ? [] : eventIds.Select(id => Row(id, at)).ToList());

    public static OutboxMessage Row(string eventId, DateTimeOffset at) =>
        new(0, eventId, "app", "address.suppressed", $$"""{"id":"{{eventId}}"}""", at, 0);

    /// <summary>
    /// One event about <paramref name="address"/> per endpoint, its payload written as the server writes it
    /// (System.Text.Json spells '+' as \u002B), created at <paramref name="at"/>.
    /// </summary>
    public static LedgerUpdate<bool> NotifyAbout(string address, DateTimeOffset at, string eventId, params string[] endpoints) =>
        new(address, (ledger, _) =>
            (new LedgerDecision(ledger, [], [new FeedbackNotice("suppressed", address, at, null, "hard-bounce", null)]), true),
            null, [], notices => endpoints.Select(e => new OutboxMessage(0, eventId, e, "address.suppressed",
                "{\"type\":\"address.suppressed\",\"data\":{\"address\":\"" + address.Replace("+", "\\u002B", StringComparison.Ordinal) + "\"}}", at, 0, address)).ToList());

    public static Suspension HardBounce(DateTimeOffset since, DateTimeOffset? expiresAt = null) => new(
        SuppressionReason.HardBounce, SuppressionSource.Policy, since, expiresAt, "550 5.1.1 User unknown", "msg_1",
        Herald.Bounces.Scenario.MailboxDoesNotExist, "The address does not exist.");

    public static Task<IReadOnlyList<OutboxMessage>> ClaimWebhooksAsync(this IFeedbackStore store, DateTimeOffset now, string owner = "hooks-1",
        int max = 10, TimeSpan? lease = null) =>
        store.ClaimWebhooksAsync(new WebhookClaim(owner, max, now, lease ?? TimeSpan.FromMinutes(1)), CancellationToken.None);

    /// <summary>An attempt made at <see cref="TestMessages.T0"/>: delivered (HTTP 200) or failed with <paramref name="error"/> (HTTP 503).</summary>
    public static Task<bool> WebhookAttemptedAsync(this IFeedbackStore store, long seq, string owner, bool delivered, DateTimeOffset? next, string? error,
        CancellationToken cancellationToken) =>
        store.WebhookAttemptedAsync(new WebhookAttemptRecord(seq, owner, new WebhookAttempt(TestMessages.T0, delivered, delivered ? 200 : 503, error), next), cancellationToken);
}
