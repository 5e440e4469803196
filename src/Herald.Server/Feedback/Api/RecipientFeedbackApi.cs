using Herald.Core.Feedback;
using Herald.Core.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Feedback.Api;

/// <summary>Deliverability status, unblock and re-verification, called by the application for the signed-in owner.</summary>
internal static class RecipientFeedbackApi
{
    public static IEndpointRouteBuilder MapRecipientFeedbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients/{address}").WithTags("Recipients");
        group.MapGet("/status", StatusAsync).WithSummary("Deliverability status: ok, suspended (why, since, can the owner unblock) or problem (the raw error)");
        group.MapPost("/unblock", UnblockAsync).WithSummary("The owner lifts a suspension (policy permitting); one verification email follows");
        group.MapPost("/verification", VerifyAsync).WithSummary("Send another verification email (rate-limited)");
        return app;
    }

    internal static async Task<Results<Ok<RecipientStatusView>, ValidationProblem>> StatusAsync(string address, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid(normalised);
        }

        var ledger = await feedback.Store.GetAsync(normalised, cancellationToken);
        return TypedResults.Ok(RecipientStatusView.From(ledger, feedback.Time.GetUtcNow(), feedback.Unblocks));
    }

    /// <remarks>409 when refused, with the reason and, when the owner may try later, from when (<c>notBefore</c>).</remarks>
    internal static async Task<Results<Ok<UnblockResponse>, Conflict<UnblockResponse>, ValidationProblem>> UnblockAsync(
        string address, FeedbackService feedback, VerificationSender verification, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid(normalised);
        }

        var now = feedback.Time.GetUtcNow();
        var verdict = await feedback.Store.UpdateAsync(new LedgerUpdate<UnblockVerdict>(normalised, (ledger, _) =>
        {
            var (v, decision) = feedback.Unblocks.Unblock(ledger, now);
            return (decision, v);
        }, null, [], feedback.Outbox.Rows), cancellationToken);
        if (!verdict.Allowed)
        {
            return TypedResults.Conflict(await AnswerAsync(feedback, normalised, "refused", null, verdict, cancellationToken));
        }

        var id = await verification.SendAsync(normalised, "owner", cancellationToken);
        return TypedResults.Ok(await AnswerAsync(feedback, normalised, "unblocked", id, verdict, cancellationToken));
    }

    internal static async Task<Results<Ok<UnblockResponse>, Conflict<UnblockResponse>, ValidationProblem>> VerifyAsync(
        string address, FeedbackService feedback, VerificationSender verification, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid(normalised);
        }

        var ledger = await feedback.Store.GetAsync(normalised, cancellationToken);
        var verdict = feedback.Unblocks.VerificationVerdict(ledger, feedback.Time.GetUtcNow());
        if (!verdict.Allowed)
        {
            return TypedResults.Conflict(await AnswerAsync(feedback, normalised, "refused", null, verdict, cancellationToken));
        }

        var id = await verification.SendAsync(normalised, "owner", cancellationToken);
        return TypedResults.Ok(await AnswerAsync(feedback, normalised, "sent", id, verdict, cancellationToken));
    }

    private static async Task<UnblockResponse> AnswerAsync(FeedbackService feedback, string address, string result, string? id, UnblockVerdict verdict, CancellationToken cancellationToken)
    {
        var ledger = await feedback.Store.GetAsync(address, cancellationToken);
        var status = RecipientStatusView.From(ledger, feedback.Time.GetUtcNow(), feedback.Unblocks);
        return new UnblockResponse(ledger.Address, result, id, verdict.Refusal, verdict.NotBefore, status);
    }

    private static ValidationProblem Invalid(string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [reason] });
}
