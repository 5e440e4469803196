using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Core.Events;
using Herald.Core.Lifecycle;
using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>
/// The only writer of the suppression ledger. Every source of feedback (our own SMTP outcomes, DSNs at the listener,
/// provider webhooks) and every person (the owner's unblock, an operator) goes through an intention method here; each
/// runs the pure policy inside the store's transaction, storing the ledger change, the audit lines, the events on the
/// original message and the webhook rows together.
/// </summary>
/// <param name="erased">Suppressions kept for erased addresses; null where erasure is not set up (tests of the ledger alone).</param>
public sealed class FeedbackService(IFeedbackStore store, IWebhookOutbox outbox, SuppressionPolicyOptions options, TimeProvider time,
    ErasedAddresses? erased = null) : IOutcomeObserver
{
    private readonly SuppressionPolicy _policy = new(options);
    private readonly UnblockPolicy _unblocks = new(options);

    /// <summary>The suspension in force for an address now, if any, including one kept when the address was erased.</summary>
    public async Task<Suspension?> SuspensionAsync(string address, CancellationToken cancellationToken) =>
        (await SuspensionsAsync([address], cancellationToken))[0];

    /// <summary>The suspension in force now for each of <paramref name="addresses"/>, in their order, read at once.</summary>
    public async Task<IReadOnlyList<Suspension?>> SuspensionsAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (erased is null)
        {
            var ledgers = new List<Suspension?>(addresses.Count);
            foreach (var address in addresses)
            {
                ledgers.Add((await store.GetAsync(address, cancellationToken)).SuspensionAt(now));
            }

            return ledgers;
        }

        var read = await erased.Store.LedgersAndKeptAsync(addresses.Select(a => new ErasedAddress(a, erased.Fingerprint.Of(a))).ToList(), cancellationToken);
        return read.Select(x => x.Ledger.SuspensionAt(now) ?? x.Kept?.SuspensionAt(now)).ToList();
    }

    /// <summary>
    /// Erases a person: their recipient (when known) and every address given, keeping only the suppressions that
    /// <see cref="SuppressionPolicy.SurvivingErasure"/> chooses, under the address's fingerprint, decided in the store's transaction.
    /// </summary>
    /// <exception cref="InvalidOperationException">Erasure is not set up (no fingerprint key).</exception>
    public Task<ErasureReceipt> EraseAsync(string? recipientId, IReadOnlyList<string> addresses, string actor, CancellationToken cancellationToken)
    {
        if (erased is null)
        {
            throw new InvalidOperationException("erasure needs an ErasedAddresses (store and fingerprint key)");
        }

        var now = time.GetUtcNow();
        var targets = addresses.Select(AddressRules.LookupKey).Distinct(StringComparer.Ordinal)
            .Select(a => new ErasedAddress(a, erased.Fingerprint.Of(a))).ToList();
        var erasure = new Erasure("era_" + MessageFactory.NewId(now)["msg_".Length..], recipientId, targets, actor, now,
            ledger => SuppressionPolicy.SurvivingErasure(ledger, now));
        return erased.Store.EraseAsync(erasure, cancellationToken);
    }

    public async Task<Deliverability> DeliverabilityAsync(string address, CancellationToken cancellationToken) =>
        Deliverability.Of(await store.GetAsync(address, cancellationToken), time.GetUtcNow(), _unblocks);

    /// <summary>Addresses suspended now, ordered by address, after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<Deliverability>> SuspendedAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await store.ListSuspendedAsync(limit, after, cancellationToken);
        // A temporary suspension past its expiry is over even before the next feedback rewrites its row.
        return rows.Where(l => l.SuspensionAt(now) is not null).Select(l => Deliverability.Of(l, now, _unblocks)).ToList();
    }

    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string address, CancellationToken cancellationToken) =>
        store.HistoryAsync(address, cancellationToken);

    /// <summary>Domain incidents, latest hit first, optionally of one domain and in one state.</summary>
    public Task<IReadOnlyList<DomainIncident>> IncidentsAsync(string? domain, IncidentState? state, int limit, CancellationToken cancellationToken) =>
        store.IncidentsAsync(domain, state, limit, cancellationToken);

    /// <summary>
    /// Closes the incidents with no hit for the incident window (<see cref="IncidentLifecycle.Sweep"/>), with their
    /// <c>incident.closed</c> rows; run periodically. Returns how many closed.
    /// </summary>
    public Task<int> CloseQuietIncidentsAsync(CancellationToken cancellationToken) =>
        store.CloseQuietIncidentsAsync(new IncidentSweep(time.GetUtcNow(), options.IncidentWindow, outbox.Rows), cancellationToken);

    /// <summary>Learns from every stored outcome of our own sends (<see cref="IOutcomeObserver"/>).</summary>
    public ValueTask OnOutcomeAsync(StoredMessage message, DeliveryOutcome outcome, LedgerWithDomain? address, CancellationToken cancellationToken) =>
        new(RecordOutcomeAsync(message, outcome, address, cancellationToken));

    /// <summary>
    /// A delivery clears the address's current problem; a rejection, already classified by <see cref="OutcomePolicy"/>,
    /// goes through the policy (hard bounce: suspend; block: record the gray box); the application hears of the rest.
    /// </summary>
    /// <param name="address">The address's ledger and its domain's incident state as the store read them when it stored a
    /// delivered outcome (<see cref="Queue.Completion.Address"/>); read here when null.</param>
    public async Task RecordOutcomeAsync(StoredMessage message, DeliveryOutcome outcome, LedgerWithDomain? address, CancellationToken cancellationToken)
    {
        if (outcome is DeliveryOutcome.Delivered && !outbox.Wants("delivered")
            && (address ?? await store.GetWithDomainAsync(message.To, cancellationToken)) is
            { Ledger: { Problem: null, SoftFailures: 0, PendingProbeId: null }, DomainIncidentOpen: false })
        {
            // The common case: nothing to clear, no incident of the domain to close and nobody to tell. Reads instead of
            // a write on every delivery keep the single writer free for the queue (measured: one writer operation fewer per message).
            return;
        }

        var now = time.GetUtcNow();
        var signal = outcome switch
        {
            DeliveryOutcome.Delivered => new FeedbackSignal(message.To, now, FeedbackKind.Delivered, message.Id, null, false),
            DeliveryOutcome.Failed { Classification: { } record } => new FeedbackSignal(message.To, now, FeedbackKind.Bounce, message.Id, record, false),
            DeliveryOutcome.Deferred { Classification: { } record } => new FeedbackSignal(message.To, now, FeedbackKind.Bounce, message.Id, record, true),
            // The development mailbox reached nobody: it says nothing about the address and is no delivery to tell of.
            DeliveryOutcome.Caught => null,
            _ => null,
        };
        if (signal is not null)
        {
            await ApplyAsync(signal, [], null, cancellationToken);
        }
        else if (outcome is DeliveryOutcome.Suppressed s)
        {
            await NotifyAsync(new FeedbackNotice("suppressed", message.To, now, message.Id, "suspended", s.Reason), cancellationToken);
        }
        else if (outcome is DeliveryOutcome.Expired e)
        {
            // Not the address's fault (nothing for the ledger), but the application must know the message never arrived.
            await NotifyAsync(new FeedbackNotice("failed", message.To, now, message.Id, "expired", e.Reason), cancellationToken);
        }
    }

    /// <summary>
    /// Feedback that came back after a send (a DSN, a complaint, an auto-reply, a provider's event), applied to the
    /// address and, when the original message is known, to its timeline. A final bounce or a complaint about a message
    /// that was <c>delivered</c> corrects its status (<c>bounced</c>, <c>complained</c>): the receiving server accepted
    /// it, but it never reached a reader who wanted it. One that arrives while the attempt is still in flight wins when
    /// the attempt commits (<see cref="ReportedStatus"/>).
    /// </summary>
    /// <param name="reporter">Who reported it, on the timeline ("reported by ses"); null for our own listener.</param>
    public Task<LedgerDecision> RecordReportAsync(FeedbackSignal signal, StoredMessage? message, string? reporter, CancellationToken cancellationToken)
    {
        if (message is null || signal.Temporary || signal.Kind == FeedbackKind.Delivered)
        {
            return ApplyAsync(signal, [], null, cancellationToken);
        }

        var record = signal.Record;
        var type = signal.Kind switch
        {
            FeedbackKind.Complaint => EventType.Complained,
            FeedbackKind.AutoReply => EventType.AutoReplied,
            _ => EventType.Bounced,
        };
        var story = record is null ? null : $"{record.Scenario.ToWire()}: {record.Explanation.Summary}";
        var detail = reporter is null ? story : story is null ? $"reported by {reporter}" : $"reported by {reporter}; {story}";
        var evt = new DeliveryEvent(message.Id, signal.At, type,
            SmtpCode: record?.ReplyCode, EnhancedStatus: record is { Status.Length: > 0 } ? record.Status : null,
            Reply: record is { Diagnostic.Length: > 0 } ? record.Diagnostic : null, Detail: detail);
        MessageStatusChange? change = type switch
        {
            EventType.Bounced => MessageStatusChange.Reported(message.Id, MessageStatus.Bounced),
            EventType.Complained => MessageStatusChange.Reported(message.Id, MessageStatus.Complained),
            _ => null,
        };
        return ApplyAsync(signal, [evt], change, cancellationToken);
    }

    /// <summary>An operator suspends an address by hand (support ticket, legal request).</summary>
    public Task SuspendAsync(string address, string operatorName, string note, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return WriteAsync(address, ledger => UnblockPolicy.OperatorAdd(ledger, now, operatorName, note, expiresAt), cancellationToken);
    }

    /// <summary>An operator lifts any suspension, complaints included.</summary>
    public Task LiftAsync(string address, string operatorName, string note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return WriteAsync(address, ledger => UnblockPolicy.OperatorRemove(ledger, now, operatorName, note), cancellationToken);
    }

    /// <summary>The owner lifts a suspension, within the unblock limits; a refusal is audited too, naming <paramref name="actor"/>.</summary>
    public Task<UnblockVerdict> UnblockAsync(string address, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.UpdateAsync(new LedgerUpdate<UnblockVerdict>(address, (ledger, _) =>
        {
            var (verdict, decision) = _unblocks.Unblock(ledger, now, actor);
            return (decision, verdict);
        }, null, [], outbox.Rows), cancellationToken);
    }

    /// <summary>Whether another deliverability probe may go to the address now.</summary>
    public async Task<UnblockVerdict> ProbeVerdictAsync(string address, CancellationToken cancellationToken) =>
        _unblocks.ProbeVerdict(await store.GetAsync(address, cancellationToken), time.GetUtcNow());

    /// <summary>
    /// A deliverability probe went to the address: its delivery clears the pending probe and its hard bounce suspends
    /// it again at once through the normal policy.
    /// </summary>
    public Task ProbeSentAsync(string address, string messageId, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return WriteAsync(address, ledger => UnblockPolicy.ProbeSent(ledger, now, messageId, actor), cancellationToken);
    }

    /// <summary>Persists a message to a suspended address as suppressed at once, with its event and webhook rows.</summary>
    internal Task<EnqueueResult> EnqueueSuppressedAsync(NewMessage message, DeliveryEvent accepted, DateTimeOffset since, SuppressedAtIntake suppressed, CancellationToken cancellationToken) =>
        store.EnqueueSuppressedAsync(message, accepted, suppressed.Event, since, suppressed.Outbox, cancellationToken);

    /// <summary>The event and webhook rows a message to a suspended address is stored with, alone or in a batch.</summary>
    internal SuppressedAtIntake SuppressAtIntake(NewMessage message, Suspension s)
    {
        var reason = s.Describe();
        var suppressed = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Suppressed, Detail: reason);
        var rows = outbox.Rows([new FeedbackNotice("suppressed", message.To, message.CreatedAt, message.Id, s.Reason.ToWire(), reason)]);
        return new SuppressedAtIntake(suppressed, rows);
    }

    private Task<LedgerDecision> ApplyAsync(FeedbackSignal signal, IReadOnlyList<DeliveryEvent> messageEvents, MessageStatusChange? change, CancellationToken cancellationToken)
    {
        BlockHit? block = null;
        if (signal is { Kind: FeedbackKind.Bounce, Record: { } r } && ScenarioFacts.Of(r.Scenario).IsBlock)
        {
            var signature = $"{r.Scenario.ToWire()}|{r.Named ?? ""}|{r.ReplyCode}|{r.Status}";
            block = new BlockHit(AddressLedger.DomainOf(signal.Address), signature, signal.Address, signal.At, options.IncidentWindow,
                options.IncidentAddresses, SuppressionPolicy.Evidence(r));
        }

        var update = new LedgerUpdate<LedgerDecision>(signal.Address, (ledger, incident) =>
        {
            var decision = _policy.Apply(ledger, signal, incident);
            return (decision, decision);
        }, block, messageEvents, outbox.Rows);
        // Any delivery to the domain (ours or a provider's report) shows its blocks lifted: its open incidents close.
        var delivery = signal.Kind == FeedbackKind.Delivered && !signal.Temporary
            ? new DomainDelivery(AddressLedger.DomainOf(signal.Address), signal.At, options.IncidentWindow)
            : null;
        return store.UpdateAsync(update with { StatusChange = change, Delivery = delivery, IncidentOutbox = outbox.Rows }, cancellationToken);
    }

    private Task<bool> NotifyAsync(FeedbackNotice notice, CancellationToken cancellationToken) =>
        WriteAsync(notice.Address, ledger => new LedgerDecision(ledger, [], [notice]), cancellationToken);

    private Task<bool> WriteAsync(string address, Func<AddressLedger, LedgerDecision> decide, CancellationToken cancellationToken) =>
        store.UpdateAsync(new LedgerUpdate<bool>(address, (ledger, _) => (decide(ledger), true), null, [], outbox.Rows), cancellationToken);
}
