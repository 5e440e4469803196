using Herald.Bounces;
using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Microsoft.Extensions.Options;

namespace Herald.Server.Feedback;

/// <summary>
/// Applies feedback from every source (our SMTP replies, DSNs at the listener, provider webhooks) through the one
/// policy, storing the ledger change, the audit lines, the events on the original message and the webhook rows together.
/// </summary>
internal sealed class FeedbackService(IFeedbackStore store, WebhookOutboxFactory outbox, IOptions<FeedbackOptions> options, TimeProvider time)
{
    public SuppressionPolicy Policy { get; } = new(options.Value.Policy);

    public UnblockPolicy Unblocks { get; } = new(options.Value.Policy);

    public IFeedbackStore Store => store;

    public WebhookOutboxFactory Outbox => outbox;

    public TimeProvider Time => time;

    /// <param name="messageEvents">Events to add to the original message's timeline (bounced, complained, auto-replied).</param>
    public Task<LedgerDecision> ApplyAsync(FeedbackSignal signal, IReadOnlyList<DeliveryEvent> messageEvents, CancellationToken cancellationToken)
    {
        var o = options.Value.Policy;
        BlockHit? block = null;
        if (signal is { Kind: FeedbackKind.Bounce, Record: { } r } && IsBlock(r.Scenario))
        {
            var signature = $"{r.Scenario.ToWire()}|{r.Named ?? ""}|{r.ReplyCode}|{r.Status}";
            block = new BlockHit(AddressLedger.DomainOf(signal.Address), signature, signal.Address, signal.At, o.IncidentWindow,
                o.IncidentAddresses, SuppressionPolicy.Evidence(r));
        }

        return store.UpdateAsync(new LedgerUpdate<LedgerDecision>(signal.Address, (ledger, incident) =>
        {
            var decision = Policy.Apply(ledger, signal, incident);
            return (decision, decision);
        }, block, messageEvents, outbox.Rows), cancellationToken);
    }

    /// <summary>The suspension in force for an address now, if any.</summary>
    public async Task<Suspension?> SuspensionAsync(string address, CancellationToken cancellationToken) =>
        (await store.GetAsync(address, cancellationToken)).SuspensionAt(time.GetUtcNow());

    /// <summary>Persist a message to a suspended address as suppressed at once, with its event and webhook rows.</summary>
    public Task<EnqueueResult> EnqueueSuppressedAsync(NewMessage message, DeliveryEvent accepted, DateTimeOffset since, Suspension s, CancellationToken cancellationToken)
    {
        var reason = Describe(s);
        var suppressed = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Suppressed, Detail: reason);
        var rows = outbox.Rows([new FeedbackNotice("suppressed", message.To, message.CreatedAt, message.Id, s.Reason.ToWire(), reason)]);
        return store.EnqueueSuppressedAsync(message, accepted, suppressed, since, rows, cancellationToken);
    }

    /// <summary>What the yellow box and the send API say about a suspension.</summary>
    public static string Describe(Suspension s) =>
        $"address suspended since {s.Since:u} ({s.Reason.ToWire()}): {s.Summary}" + (s.ExpiresAt is { } end ? $" Herald tries again after {end:u}." : "");

    /// <summary>Gateway, blocklist, authentication and policy blocks: the ones that can hit a whole domain at once.</summary>
    public static bool IsBlock(Scenario scenario) => scenario is Scenario.SecurityGatewayBlock or Scenario.Blocklisted
        or Scenario.SenderAuthentication or Scenario.PolicyBlock or Scenario.ContentFlaggedAsSpam;
}
