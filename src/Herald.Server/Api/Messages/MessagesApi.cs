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
        group.MapPost("/batch", SendBatchAsync).RequireScope(Scopes.Send)
            .Accepts<SendBatchRequest>("application/json")
            .WithSummary("Send up to 500 notifications in one request")
            .WithDescription("Each message is read, validated and answered exactly as by POST /v1/messages, and all accepted ones are " +
                "stored in ONE durable commit: the 200 comes after it, with one result per message in the request's order (accepted, " +
                "or refused with the field at fault, e.g. messages[3].to). Idempotency keys go in each message; more than 500 " +
                "messages is a 400 naming 'messages'.");
        group.MapGet("/{id}", GetAsync).RequireScope(Scopes.Read).WithSummary("A message, its status and its timeline");
        return app;
    }

    internal static async Task<Results<Accepted<SendMessageResponse>, ValidationProblem, ConflictProblem, ProblemHttpResult>> SendAsync(
        HttpContext http, MessageIntake intake, TimeProvider time, Telemetry.HeraldMetrics metrics, CancellationToken cancellationToken)
    {
        var (request, readErrors) = await SendRequestReader.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return TypedResults.ValidationProblem(readErrors, title: IntakeAnswer.InvalidTitle);
        }

        var answer = IntakeAnswer.From(await intake.SubmitAsync(request, origin: null, cancellationToken), prefix: "", time, metrics);
        if (answer.Accepted is { } accepted)
        {
            if (answer.Replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Accepted(accepted.Links.Self, accepted);
        }

        switch (answer.Refused)
        {
            case HttpValidationProblemDetails invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: invalid.Title);
            case { Status: StatusCodes.Status409Conflict } conflict:
                return new ConflictProblem(conflict);
            case { } problem:
                if (answer.RetryAfterSeconds is { } wait)
                {
                    http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return TypedResults.Problem(problem);
            default:
                throw new InvalidOperationException("an answer is accepted or refused");
        }
    }

    /// <summary>
    /// Each message decided exactly as a single send (the same reader, intake and answers), stored in one commit. The
    /// batch as a whole answers 200 once it was read: each result says accepted or refused, as Postmark's batch does.
    /// </summary>
    internal static async Task<Results<Ok<SendBatchResponse>, ValidationProblem>> SendBatchAsync(
        HttpContext http, MessageIntake intake, TimeProvider time, Telemetry.HeraldMetrics metrics, CancellationToken cancellationToken)
    {
        var (messages, readErrors) = await SendRequestReader.ReadBatchAsync(http.Request, MessageIntake.MaxBatch, cancellationToken);
        if (messages is null)
        {
            return TypedResults.ValidationProblem(readErrors, title: IntakeAnswer.InvalidTitle);
        }

        var submitted = await intake.SubmitBatchAsync(messages.Where(m => m.Request is not null).Select(m => m.Request!).ToList(), cancellationToken);
        var results = new List<BatchResult>(messages.Count);
        var next = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var answer = messages[i].Request is null
                ? IntakeAnswer.Invalid(messages[i].Errors)
                : IntakeAnswer.From(submitted[next++], prefix: $"messages[{i}].", time, metrics);
            results.Add(new BatchResult(i, answer.Accepted, answer.Replayed ? true : null, answer.RefusedWithField()));
        }

        var accepted = results.Count(r => r.Accepted is not null);
        return TypedResults.Ok(new SendBatchResponse(accepted, results.Count - accepted, results));
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
