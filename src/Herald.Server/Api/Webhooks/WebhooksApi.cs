using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Server.Access;
using Herald.Server.Feedback;
using Herald.Server.Feedback.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Herald.Server.Api.Webhooks;

/// <summary>
/// Outbound webhooks operators can manage (the CLI's <c>herald webhooks</c> calls these): deliveries per endpoint with their
/// attempts, and replay of dead letters. Operations work, so the operator scope, as suppressions and incidents.
/// </summary>
internal static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks").RequireScope(Scopes.Operator);
        group.MapGet("/", ListAsync).WithSummary("Configured endpoints with their backlog and dead letters");
        group.MapGet("/{endpoint}/deliveries", DeliveriesAsync).WithSummary("An endpoint's deliveries, latest first, with every attempt (?state=pending|delivered|dead, ?before=, ?limit=)");
        group.MapPost("/{endpoint}/deliveries/{id:long}/replay", ReplayOneAsync).WithSummary("Send one dead letter again (optionally to another configured endpoint)");
        group.MapPost("/{endpoint}/replay", ReplayAllAsync).WithSummary("Send every dead letter of the endpoint again (optionally to another configured endpoint)");
        return app;
    }

    internal static async Task<Ok<WebhookEndpointView[]>> ListAsync(WebhookEndpoints endpoints, CancellationToken cancellationToken) =>
        TypedResults.Ok((await endpoints.BacklogAsync(cancellationToken)).Select(b =>
        {
            var configured = endpoints.Configured.GetValueOrDefault(b.Endpoint);
            return new WebhookEndpointView(b.Endpoint, configured?.Url, configured is null ? [] : [.. configured.Events], b.Pending, b.Dead);
        }).ToArray());

    internal static async Task<Results<Ok<WebhookDeliveryView[]>, ValidationProblem, NotFoundProblem>> DeliveriesAsync(string endpoint, string? state, long? before, int? limit,
        WebhookDeliveries deliveries, IOptions<FeedbackOptions> options, CancellationToken cancellationToken)
    {
        WebhookDeliveryState? parsed = null;
        if (state is not null)
        {
            if (!FeedbackWire.TryParse(state, out WebhookDeliveryState s))
            {
                return Invalid("state", "one of pending, delivered, dead");
            }

            parsed = s;
        }

        // Rows of an endpoint removed from the configuration stay listable: they are what an operator replays elsewhere.
        var items = await deliveries.ListAsync(endpoint, parsed, before, Math.Clamp(limit ?? 50, 1, 500), cancellationToken);
        if (items.Count == 0 && !options.Value.Webhooks.ContainsKey(endpoint))
        {
            return NoEndpoint(endpoint);
        }

        return TypedResults.Ok(items.Select(WebhookDeliveryView.From).ToArray());
    }

    internal static async Task<Results<Ok<ReplayView>, ValidationProblem, NotFoundProblem, ConflictProblem>> ReplayOneAsync(string endpoint, long id, ReplayRequest? request,
        WebhookDeliveries deliveries, IOptions<FeedbackOptions> options, CancellationToken cancellationToken)
    {
        if (Target(request, options.Value) is { } invalid)
        {
            return invalid;
        }

        return await deliveries.ReplayAsync(endpoint, id, request?.To, cancellationToken) switch
        {
            WebhookReplayOutcome.Replayed => TypedResults.Ok(new ReplayView(1, request?.To ?? endpoint)),
            WebhookReplayOutcome.NotDead => new ConflictProblem(new ProblemDetails
            {
                Title = "Not a dead letter",
                Detail = $"delivery {id} of '{endpoint}' is pending or delivered; only dead letters are replayed",
                Status = StatusCodes.Status409Conflict,
            }),
            _ => new NotFoundProblem(new ProblemDetails
            {
                Title = "No such delivery",
                Detail = $"endpoint '{endpoint}' has no delivery {id}",
                Status = StatusCodes.Status404NotFound,
            }),
        };
    }

    internal static async Task<Results<Ok<ReplayView>, ValidationProblem>> ReplayAllAsync(string endpoint, ReplayRequest? request,
        WebhookDeliveries deliveries, IOptions<FeedbackOptions> options, CancellationToken cancellationToken)
    {
        if (Target(request, options.Value) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(new ReplayView(await deliveries.ReplayAllAsync(endpoint, request?.To, cancellationToken), request?.To ?? endpoint));
    }

    /// <summary>Only a configured endpoint may receive a replay: never a URL from the request (the server would post anywhere).</summary>
    private static ValidationProblem? Target(ReplayRequest? request, FeedbackOptions options) =>
        request?.To is { } to && !options.Webhooks.ContainsKey(to)
            ? Invalid("to", $"'{to}' is not a configured endpoint (Herald:Feedback:Webhooks:<name>)")
            : null;

    private static NotFoundProblem NoEndpoint(string endpoint) => new(new ProblemDetails
    {
        Title = "No such endpoint",
        Detail = $"'{endpoint}' is not a configured endpoint and has no deliveries",
        Status = StatusCodes.Status404NotFound,
    });

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
