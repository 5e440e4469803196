using System.Security.Claims;
using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Server.Access;
using Herald.Server.Api.Deliverability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Suppressions;

/// <summary>Operators' view of the ledger (the CLI's <c>herald suppressions</c> calls these). Every change is audited.</summary>
internal static class SuppressionsApi
{
    public static IEndpointRouteBuilder MapSuppressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/suppressions").WithTags("Suppressions").RequireScope(Scopes.Operator);
        group.MapGet("/", ListAsync).WithSummary("Suspended addresses, by address, paged with ?after=");
        group.MapGet("/{address}", ShowAsync).WithSummary("One address: status and full history");
        group.MapPost("/", AddAsync).WithSummary("Suspend an address by hand (operator, note)");
        group.MapPost("/{address}/remove", RemoveAsync).WithSummary("Lift any suspension, complaints included (operator, note)");
        return app;
    }

    internal static async Task<Ok<RecipientStatusView[]>> ListAsync(int? limit, string? after, FeedbackService feedback, CancellationToken cancellationToken)
    {
        var items = await feedback.SuspendedAsync(Math.Clamp(limit ?? 100, 1, 1000), after, cancellationToken);
        return TypedResults.Ok(items.Select(RecipientStatusView.From).ToArray());
    }

    internal static async Task<Results<Ok<SuppressionDetailView>, ValidationProblem>> ShowAsync(string address, FeedbackService feedback, CancellationToken cancellationToken) =>
        AddressRules.IsSingleMailbox(address, out var normalised)
            ? TypedResults.Ok(await DetailAsync(feedback, normalised, cancellationToken))
            : Invalid("address", normalised);

    internal static async Task<Results<Ok<SuppressionDetailView>, ValidationProblem>> AddAsync(OperatorRequest request, ClaimsPrincipal user, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (Check(request.Address, request.Operator) is { } invalid)
        {
            return invalid;
        }

        AddressRules.IsSingleMailbox(request.Address, out var normalised);
        await feedback.SuspendAsync(normalised, Audited(request.Operator!, user), request.Note ?? "", request.ExpiresAt, cancellationToken);
        return TypedResults.Ok(await DetailAsync(feedback, normalised, cancellationToken));
    }

    internal static async Task<Results<Ok<SuppressionDetailView>, ValidationProblem>> RemoveAsync(string address, OperatorRequest request, ClaimsPrincipal user, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (Check(address, request.Operator) is { } invalid)
        {
            return invalid;
        }

        AddressRules.IsSingleMailbox(address, out var normalised);
        await feedback.LiftAsync(normalised, Audited(request.Operator!, user), request.Note ?? "", cancellationToken);
        return TypedResults.Ok(await DetailAsync(feedback, normalised, cancellationToken));
    }

    /// <summary>The audit names the person and the key they used: "operator:ana via key:support-console".</summary>
    private static string Audited(string operatorName, ClaimsPrincipal user) => $"{operatorName.Trim()} via {HeraldClaims.ActorOf(user)}";

    private static ValidationProblem? Check(string? address, string? operatorName) =>
        !AddressRules.IsSingleMailbox(address, out var reason) ? Invalid("address", reason)
        : string.IsNullOrWhiteSpace(operatorName) ? Invalid("operator", "say who you are: it goes into the audit entry")
        : null;

    private static async Task<SuppressionDetailView> DetailAsync(FeedbackService feedback, string address, CancellationToken cancellationToken)
    {
        var status = await feedback.DeliverabilityAsync(address, cancellationToken);
        var history = await feedback.HistoryAsync(address, cancellationToken);
        return new SuppressionDetailView(RecipientStatusView.From(status),
            history.Select(h => new HistoryEntryView(h.Time, h.Action, h.Reason, h.Actor, h.Detail, h.MessageId)).ToArray());
    }

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
