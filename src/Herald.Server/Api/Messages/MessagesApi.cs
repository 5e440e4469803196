using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Messages;

internal static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/messages").WithTags("Messages");
        group.MapPost("/", SendAsync).RequireScope(Scopes.Send)
            .Accepts<SendMessageRequest>("application/json")
            .WithSummary("Send a notification")
            .WithDescription("Validates, persists durably, then answers 202. An answer of 202 means the message survives a crash one millisecond later.");
        group.MapGet("/{id}", GetAsync).RequireScope(Scopes.Read).WithSummary("A message, its status and its timeline");
        return app;
    }

    internal static async Task<Results<Accepted<SendMessageResponse>, ValidationProblem, ConflictProblem, ProblemHttpResult>> SendAsync(
        HttpContext http, MessageIntake intake, TimeProvider time, Telemetry.HeraldMetrics metrics, CancellationToken cancellationToken)
    {
        var (request, readErrors) = await SendRequestReader.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return TypedResults.ValidationProblem(readErrors, title: "The request is not valid");
        }

        switch (await intake.SubmitAsync(request, origin: null, cancellationToken))
        {
            case IntakeResult.Accepted accepted:
                if (accepted.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }
                else
                {
                    metrics.Message("accepted", accepted.Message);
                    if (accepted.Message.Status == MessageStatus.Suppressed)
                    {
                        metrics.Message(MessageStatus.Suppressed.ToWire(), accepted.Message); // decided at intake, never in a lane
                    }
                }

                return Accept(accepted.Message, accepted.Suspension);
            case IntakeResult.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "The request is not valid");
            case IntakeResult.Throttled throttled:
                metrics.Message(MessageStatus.Throttled.ToWire(), throttled.Message);
                // RFC 6585 section 4 with RFC 9110 section 10.2.3's Retry-After in seconds. The refused message is kept
                // (status throttled) so support sees the request and the reason in the recipient's list.
                var wait = Math.Max(1, (int)Math.Ceiling((throttled.RetryAt - time.GetUtcNow()).TotalSeconds));
                http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many messages of this type to this address",
                    Detail = $"Not sent: {throttled.Reason}. The next one is accepted from {throttled.RetryAt:u}.",
                    Extensions = { ["messageId"] = throttled.Message.Id, ["retryAt"] = throttled.RetryAt },
                });
            case IntakeResult.KeyConflict conflict:
                return new ConflictProblem(new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Idempotency key reused with a different request",
                    Detail = $"The key was used for message {conflict.ExistingMessageId} with another type, recipient or data within the last {conflict.Window.TotalHours:0} hours.",
                    Extensions = { ["field"] = "idempotencyKey", ["messageId"] = conflict.ExistingMessageId },
                });
            case var other:
                throw new InvalidOperationException($"unknown intake result {other}");
        }

        static Accepted<SendMessageResponse> Accept(StoredMessage m, Suspension? s)
        {
            var links = MessageView.LinksFor(m.Id, m.To);
            // The answer replays the state at acceptance, so a retried request gets exactly the first answer.
            return m.Status == MessageStatus.Suppressed
                ? TypedResults.Accepted(links.Self, new SendMessageResponse(m.Id, MessageStatus.Suppressed.ToWire(), links,
                    s is null ? "address suspended" : s.Describe(), s?.Since))
                : TypedResults.Accepted(links.Self, new SendMessageResponse(m.Id, MessageStatus.Queued.ToWire(), links));
        }
    }

    internal static async Task<Results<Ok<MessageView>, NotFoundProblem>> GetAsync(string id, IMessageStore store, CancellationToken cancellationToken)
    {
        var message = await store.GetAsync(id, cancellationToken);
        if (message is null)
        {
            return new NotFoundProblem(new ProblemDetails { Status = 404, Title = "No such message", Detail = $"No message has the id '{id}'." });
        }

        var timeline = await store.GetTimelineAsync(id, cancellationToken);
        return TypedResults.Ok(MessageView.From(message, timeline));
    }
}
