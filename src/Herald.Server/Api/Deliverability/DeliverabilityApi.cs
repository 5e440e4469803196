using System.Security.Claims;
using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Deliverability;

/// <summary>
/// Deliverability status, unblock and the deliverability probe, called by the application for the signed-in owner.
/// "Verification" is the validation link of the recipient routes only (<c>/v1/recipients/{id}/addresses/{a}/verification</c>).
/// </summary>
internal static class DeliverabilityApi
{
    public static IEndpointRouteBuilder MapDeliverabilityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients/{address}").WithTags("Recipients");
        group.MapGet("/status", StatusAsync).RequireScope(Scopes.Read).WithSummary("Deliverability status: ok, suspended (why, since, can the owner unblock) or problem (the raw error)");
        group.MapPost("/unblock", UnblockAsync).RequireScope(Scopes.Recipients).WithSummary("The owner lifts a suspension (policy permitting); one deliverability probe follows");
        group.MapPost("/probe", ProbeAsync).RequireScope(Scopes.Recipients)
            .WithSummary("Send a deliverability probe: one email checking that Herald reaches an address it has sent to (rate-limited; refused while suspended)");
        return app;
    }

    internal static async Task<Results<Ok<RecipientStatusView>, ValidationProblem>> StatusAsync(string address, FeedbackService feedback, CancellationToken cancellationToken) =>
        AddressRules.IsSingleMailbox(address, out var normalised)
            ? TypedResults.Ok(RecipientStatusView.From(await feedback.DeliverabilityAsync(normalised, cancellationToken)))
            : Invalid(normalised);

    /// <remarks>409 when refused, with the reason and, when the owner may try later, from when (<c>notBefore</c>).</remarks>
    internal static async Task<Results<Ok<UnblockResponse>, Conflict<UnblockResponse>, ValidationProblem>> UnblockAsync(
        string address, ClaimsPrincipal user, UnblockService unblocks, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid(normalised);
        }

        var (verdict, id) = await unblocks.UnblockAsync(normalised, HeraldClaims.ActorOf(user), cancellationToken);
        var answer = await AnswerAsync(feedback, normalised, verdict.Allowed ? "unblocked" : "refused", id, verdict, cancellationToken);
        return verdict.Allowed ? TypedResults.Ok(answer) : TypedResults.Conflict(answer);
    }

    /// <remarks>400 naming <c>address</c> when Herald never sent to it: the probe is not a way to mail any address.</remarks>
    internal static async Task<Results<Ok<UnblockResponse>, Conflict<UnblockResponse>, ValidationProblem>> ProbeAsync(
        string address, ClaimsPrincipal user, UnblockService unblocks, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid(normalised);
        }

        var (verdict, id) = await unblocks.ProbeAsync(normalised, HeraldClaims.ActorOf(user), cancellationToken);
        if (verdict.Refusal == UnblockService.NeverSent)
        {
            return Invalid(UnblockService.NeverSent);
        }

        var answer = await AnswerAsync(feedback, normalised, verdict.Allowed ? "sent" : "refused", id, verdict, cancellationToken);
        return verdict.Allowed ? TypedResults.Ok(answer) : TypedResults.Conflict(answer);
    }

    private static async Task<UnblockResponse> AnswerAsync(FeedbackService feedback, string address, string result, string? id, UnblockVerdict verdict, CancellationToken cancellationToken)
    {
        var status = await feedback.DeliverabilityAsync(address, cancellationToken);
        return new UnblockResponse(status.Ledger.Address, result, id, verdict.Refusal, verdict.NotBefore, RecipientStatusView.From(status));
    }

    private static ValidationProblem Invalid(string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [reason] });
}
