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
    IntakeOptions options)
{
    /// <param name="origin">Why Herald sends it, for the timeline's accepted event (null for an application's request).</param>
    public async Task<IntakeResult> SubmitAsync(SubmitRequest request, string? origin, CancellationToken cancellationToken)
    {
        if (request.Recipient is { } target)
        {
            var (address, targetErrors) = await RecipientTargetResolver.ResolveAsync(target, recipients, cancellationToken);
            if (address is null)
            {
                return new IntakeResult.Invalid(targetErrors);
            }

            request = request with { To = address, Recipient = null };
        }

        var validated = SubmissionValidator.Validate(request, catalogue);
        if (validated.Submission is not { } submission)
        {
            return new IntakeResult.Invalid(validated.Errors);
        }

        var message = factory.Create(submission);
        var priority = message.Priority.ToString().ToLowerInvariant();
        var accepted = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Accepted,
            Detail: origin is null ? $"{message.Type} ({priority}), to be delivered before {message.ExpiresAt:u}" : $"{message.Type} ({priority}): {origin}");
        var since = time.GetUtcNow() - options.IdempotencyWindow;
        var suspension = await feedback.SuspensionAsync(message.To, cancellationToken);
        var result = suspension is null
            ? await queue.EnqueueAsync(message, accepted, since, cancellationToken)
            : await feedback.EnqueueSuppressedAsync(message, accepted, since, suspension, cancellationToken);
        switch (result)
        {
            case EnqueueResult.Created created:
                if (suspension is null)
                {
                    waker.Wake();
                }

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
