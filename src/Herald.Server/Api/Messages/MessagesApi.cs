using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Server.Configuration;
using Herald.Server.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Server.Api.Messages;

internal static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/messages").WithTags("Messages");
        group.MapPost("/", SendAsync)
            .Accepts<SendMessageRequest>("application/json")
            .WithSummary("Send a notification")
            .WithDescription("Validates, persists durably, then answers 202. An answer of 202 means the message survives a crash one millisecond later.");
        group.MapGet("/{id}", GetAsync).WithSummary("A message, its status and its timeline");
        return app;
    }

    internal static async Task<Results<Accepted<SendMessageResponse>, ValidationProblem, Conflict<ProblemDetails>>> SendAsync(
        HttpContext http,
        NotificationCatalogue catalogue,
        MessageFactory factory,
        IDeliveryQueue queue,
        QueueSignal signal,
        TimeProvider time,
        IOptions<HeraldOptions> options,
        Herald.Server.Feedback.FeedbackService feedback,
        CancellationToken cancellationToken)
    {
        var (request, target, readErrors) = await SendRequestReader.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return TypedResults.ValidationProblem(readErrors, title: "The request is not valid");
        }

        if (target is not null)
        {
            var (address, targetErrors) = await RecipientTargetResolver.ResolveAsync(target, http.RequestServices.GetRequiredService<IRecipientStore>(), cancellationToken);
            if (address is null)
            {
                return TypedResults.ValidationProblem(targetErrors, title: "The request is not valid");
            }

            request = request with { To = address };
        }

        var validated = SubmissionValidator.Validate(request, catalogue);
        if (validated.Submission is not { } submission)
        {
            return TypedResults.ValidationProblem(validated.Errors, title: "The request is not valid");
        }

        var message = factory.Create(submission);
        var accepted = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Accepted,
            Detail: $"{message.Type} ({message.Priority.ToString().ToLowerInvariant()}), to be delivered before {message.ExpiresAt:u}");
        var since = time.GetUtcNow() - options.Value.Delivery.IdempotencyWindow;
        // A suspended address is answered at once (status suppressed, with why and since when), and nothing is sent.
        var suspension = await feedback.SuspensionAsync(message.To, cancellationToken);
        var result = suspension is null
            ? await queue.EnqueueAsync(message, accepted, since, cancellationToken)
            : await feedback.EnqueueSuppressedAsync(message, accepted, since, suspension, cancellationToken);
        switch (result)
        {
            case EnqueueResult.Created created:
                signal.Pulse();
                return Accept(created.Message, suspension);
            case EnqueueResult.Duplicate duplicate:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Accept(duplicate.Existing, duplicate.Existing.Status == MessageStatus.Suppressed ? await feedback.SuspensionAsync(message.To, cancellationToken) : null);
            case EnqueueResult.KeyConflict conflict:
                return TypedResults.Conflict(new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Idempotency key reused with a different request",
                    Detail = $"The key was used for message {conflict.ExistingMessageId} with another type, recipient or data within the last {options.Value.Delivery.IdempotencyWindow.TotalHours:0} hours.",
                    Extensions = { ["field"] = "idempotencyKey", ["messageId"] = conflict.ExistingMessageId },
                });
            default:
                throw new InvalidOperationException($"unknown enqueue result {result}");
        }

        static Accepted<SendMessageResponse> Accept(StoredMessage m, Herald.Core.Feedback.Suspension? s)
        {
            var links = MessageView.LinksFor(m.Id, m.To);
            // The answer replays the state at acceptance, so a retried request gets exactly the first answer.
            return m.Status == MessageStatus.Suppressed
                ? TypedResults.Accepted(links.Self, new SendMessageResponse(m.Id, MessageStatus.Suppressed.ToWire(), links,
                    s is null ? "address suspended" : Herald.Server.Feedback.FeedbackService.Describe(s), s?.Since))
                : TypedResults.Accepted(links.Self, new SendMessageResponse(m.Id, MessageStatus.Queued.ToWire(), links));
        }
    }

    internal static async Task<Results<Ok<MessageView>, NotFound<ProblemDetails>>> GetAsync(string id, IMessageStore store, CancellationToken cancellationToken)
    {
        var message = await store.GetAsync(id, cancellationToken);
        if (message is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such message", Detail = $"No message has the id '{id}'." });
        }

        var timeline = await store.GetTimelineAsync(id, cancellationToken);
        return TypedResults.Ok(MessageView.From(message, timeline));
    }
}
