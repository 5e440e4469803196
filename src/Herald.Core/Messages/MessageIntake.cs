using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Queue;
using Herald.Core.Recipients;

namespace Herald.Core.Messages;

/// <summary>
/// The one way a message enters Herald, whoever sends it (the API, address verification, an unblock): resolve the
/// recipient, validate against the catalogue, create, check the suspension ledger, store durably, wake the queue.
/// A message to a suspended address is stored final and suppressed at once, with why and since when.
/// </summary>
public sealed class MessageIntake(
    NotificationCatalogue catalogue,
    MessageFactory factory,
    IDeliveryQueue queue,
    IRecipientStore recipients,
    FeedbackService feedback,
    IQueueWaker waker,
    TimeProvider time,
    IntakeOptions options,
    IntakeAdmission admission)
{
    /// <summary>The most messages one batch may hold, as Postmark's batch endpoint: one transaction stays short.</summary>
    public const int MaxBatch = 500;

    /// <summary>How many items of a batch are prepared (validated, created, their reads made) at once.</summary>
    private const int PreparedTogether = 32;

    /// <param name="origin">Why Herald sends it, for the timeline's accepted event (null for an application's request).</param>
    public async Task<IntakeResult> SubmitAsync(SubmitRequest request, string? origin, CancellationToken cancellationToken)
    {
        using var slot = await admission.EnterAsync(IsCritical(request), cancellationToken);
        var (invalid, message, accepted) = await CreateAsync(request, origin, cancellationToken);
        if (message is null)
        {
            return invalid!;
        }

        var suspension = await feedback.SuspensionAsync(message.To, cancellationToken);
        var item = Item(message, accepted!, suspension);

        var since = time.GetUtcNow() - options.IdempotencyWindow;
        var result = item.Suppressed is null
            ? await queue.EnqueueAsync(item.Message, item.Accepted, since, cancellationToken)
            : await feedback.EnqueueSuppressedAsync(item.Message, item.Accepted, since, item.Suppressed, cancellationToken);
        if (result is EnqueueResult.Created && item.Suppressed is null)
        {
            waker.Wake(item.Message.Priority);
        }

        return await ConcludeAsync(item.Message, suspension, result, cancellationToken);
    }

    /// <summary>
    /// Up to <see cref="MaxBatch"/> application requests, each decided exactly as <see cref="SubmitAsync"/> decides one, then
    /// stored in one transaction (all or nothing, one durable commit). Results come in the requests' order; an invalid
    /// request is refused alone and the others are still stored.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> SubmitBatchAsync(IReadOnlyList<SubmitRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(requests), requests.Count, $"a batch holds at most {MaxBatch} messages");
        }

        using var slot = await admission.EnterAsync(requests.All(IsCritical), cancellationToken);

        // Each item's recipient is resolved apart (a round trip on PostgreSQL, only for requests naming a recipient id), so
        // they run PreparedTogether at a time instead of one after the other; then one read gives every address's
        // suspension (bench/delivery-postgres.sh, batch acceptance: 500 reads of a batch, 32 at a time, were its longest
        // wait). The store still writes the items in the batch's order (keys and rate limits see the items before them);
        // only an item sent to a recipient id may be created a moment after the one behind it.
        var created = new List<(IntakeResult.Invalid? Invalid, NewMessage? Message, DeliveryEvent? Accepted)>(requests.Count);
        for (var i = 0; i < requests.Count; i += PreparedTogether)
        {
            var chunk = new Task<(IntakeResult.Invalid?, NewMessage?, DeliveryEvent?)>[Math.Min(PreparedTogether, requests.Count - i)];
            for (var j = 0; j < chunk.Length; j++)
            {
                chunk[j] = CreateAsync(requests[i + j], origin: null, cancellationToken);
            }

            created.AddRange(await Task.WhenAll(chunk));
        }

        var valid = created.Where(c => c.Message is not null).ToList();
        var suspensions = valid.Count == 0 ? [] : await feedback.SuspensionsAsync(valid.Select(c => c.Message!.To).ToList(), cancellationToken);
        var prepared = new List<(IntakeResult.Invalid? Invalid, EnqueueItem? Item, Suspension? Suspension)>(created.Count);
        var read = 0;
        foreach (var (invalid, message, accepted) in created)
        {
            var suspension = message is null ? null : suspensions[read++];
            prepared.Add(message is null ? (invalid, null, null) : (null, Item(message, accepted!, suspension), suspension));
        }

        var items = prepared.Where(p => p.Item is not null).Select(p => p.Item!).ToList();
        var stored = items.Count == 0
            ? []
            : await queue.EnqueueBatchAsync(items, time.GetUtcNow() - options.IdempotencyWindow, cancellationToken);
        if (stored.Count != items.Count)
        {
            throw new InvalidOperationException($"the store answered {stored.Count} results for {items.Count} messages");
        }

        var results = new List<IntakeResult>(requests.Count);
        var next = 0;
        foreach (var (invalid, item, suspension) in prepared)
        {
            results.Add(item is null ? invalid! : await ConcludeAsync(item.Message, suspension, stored[next++], cancellationToken));
        }

        if (EnqueueItem.MostUrgentQueued(items, stored) is { } priority)
        {
            waker.Wake(priority);
        }

        return results;
    }

    /// <summary>
    /// Whether the request is for a critical type, from the catalogue alone (before anything is read): a request that
    /// names no known type is not, and validation refuses it.
    /// </summary>
    private bool IsCritical(SubmitRequest request) => request.Type is { } type && catalogue.Find(type)?.Priority == Priority.Critical;

    /// <summary>Everything decided before the suspension read: the recipient, validation, the message itself and its accepted event.</summary>
    private async Task<(IntakeResult.Invalid? Invalid, NewMessage? Message, DeliveryEvent? Accepted)> CreateAsync(
        SubmitRequest request, string? origin, CancellationToken cancellationToken)
    {
        if (request.Recipient is { } target)
        {
            var (address, targetErrors) = await RecipientTargetResolver.ResolveAsync(target, recipients, cancellationToken);
            if (address is null)
            {
                return (new IntakeResult.Invalid(targetErrors), null, null);
            }

            request = request with { To = address, Recipient = null };
        }

        var validated = SubmissionValidator.Validate(request, catalogue);
        if (validated.Submission is not { } submission)
        {
            return (new IntakeResult.Invalid(validated.Errors), null, null);
        }

        var message = factory.Create(submission);
        var priority = message.Priority.ToWire();
        var accepted = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Accepted,
            Detail: origin is null ? $"{message.Type} ({priority}), to be delivered before {message.ExpiresAt:u}" : $"{message.Type} ({priority}): {origin}");
        return (null, message, accepted);
    }

    /// <summary>The message to store, suppressed at once when its address is suspended.</summary>
    private EnqueueItem Item(NewMessage message, DeliveryEvent accepted, Suspension? suspension) =>
        new(message, accepted, suspension is null ? null : feedback.SuppressAtIntake(message, suspension));

    /// <summary>What a store's answer means to the sender, the same for a single message and for one of a batch.</summary>
    private async Task<IntakeResult> ConcludeAsync(NewMessage message, Suspension? suspension, EnqueueResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case EnqueueResult.Created created:
                return new IntakeResult.Accepted(created.Message, suspension, Replayed: false);
            case EnqueueResult.Duplicate duplicate:
                // The answer replays the state at acceptance, so a retried request gets exactly the first answer.
                var then = duplicate.Existing.Status == MessageStatus.Suppressed ? await feedback.SuspensionAsync(message.To, cancellationToken) : null;
                return new IntakeResult.Accepted(duplicate.Existing, then, Replayed: true);
            case EnqueueResult.Throttled throttled:
                return new IntakeResult.Throttled(throttled.Message, throttled.RetryAt, message.RateLimit!.Describe(message.Type));
            case EnqueueResult.KeyConflict conflict:
                return new IntakeResult.KeyConflict(conflict.ExistingMessageId, options.IdempotencyWindow);
            default:
                throw new InvalidOperationException($"unknown enqueue result {result}");
        }
    }

    /// <summary>
    /// A message Herald itself sends (a verification email): its type and data come from configuration, so a request
    /// the catalogue refuses is a configuration error, reported with the setting to fix.
    /// </summary>
    public async Task<StoredMessage> SubmitOwnAsync(SubmitRequest request, string origin, string setting, CancellationToken cancellationToken)
    {
        var result = await SubmitAsync(request, origin, cancellationToken);
        return result switch
        {
            IntakeResult.Accepted a => a.Message,
            IntakeResult.Throttled t => t.Message,
            IntakeResult.Invalid i => throw new InvalidOperationException($"{setting}: type '{request.Type}' cannot be sent by Herald: " +
                string.Join("; ", i.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key} {v}")))),
            _ => throw new InvalidOperationException($"unexpected intake result {result} for a message without idempotency key"),
        };
    }
}
