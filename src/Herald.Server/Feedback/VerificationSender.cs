using System.Text.Json;
using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Workers;
using Microsoft.Extensions.Options;

namespace Herald.Server.Feedback;

/// <summary>
/// Sends one verification email (the configured catalogue type) and records it on the address, so its delivery or
/// bounce is tied to the unblock: a hard bounce suspends the address again at once through the normal policy.
/// </summary>
internal sealed class VerificationSender(
    NotificationCatalogue catalogue, MessageFactory factory, IDeliveryQueue queue, QueueSignal signal, FeedbackService feedback,
    IOptions<FeedbackOptions> options)
{
    private static readonly JsonElement EmptyData = JsonDocument.Parse("{}").RootElement;

    /// <returns>The new message's id.</returns>
    public async Task<string> SendAsync(string address, string actor, CancellationToken cancellationToken)
    {
        var validated = SubmissionValidator.Validate(new SubmitRequest(options.Value.VerificationType, address, EmptyData, null), catalogue);
        var submission = validated.Submission ?? throw new InvalidOperationException(
            $"Herald:Feedback:VerificationType '{options.Value.VerificationType}' cannot be sent: " +
            string.Join("; ", validated.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        var message = factory.Create(submission);
        var accepted = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Accepted, Detail: $"verification email ({actor})");
        var result = await queue.EnqueueAsync(message, accepted, message.CreatedAt, cancellationToken);
        signal.Pulse();
        var id = result is EnqueueResult.Created c ? c.Message.Id : message.Id;
        var now = feedback.Time.GetUtcNow();
        await feedback.Store.UpdateAsync(new LedgerUpdate<bool>(address,
            (ledger, _) => (UnblockPolicy.VerificationSent(ledger, now, id, actor), true), null, [], feedback.Outbox.Rows), cancellationToken);
        return id;
    }
}
