using Herald.Core.Feedback;
using Herald.Core.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Feedback.Api;

/// <summary>Operators' view of the ledger (the CLI's <c>herald suppressions</c> calls these). Every change is audited.</summary>
internal static class SuppressionsApi
{
    public static IEndpointRouteBuilder MapSuppressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/suppressions").WithTags("Suppressions");
        group.MapGet("/", ListAsync).WithSummary("Suspended addresses, by address, paged with ?after=");
        group.MapGet("/{address}", ShowAsync).WithSummary("One address: status and full history");
        group.MapPost("/", AddAsync).WithSummary("Suspend an address by hand (operator, note)");
        group.MapPost("/{address}/remove", RemoveAsync).WithSummary("Lift any suspension, complaints included (operator, note)");
        return app;
    }

    internal static async Task<Ok<RecipientStatusView[]>> ListAsync(int? limit, string? after, FeedbackService feedback, CancellationToken cancellationToken)
    {
        var now = feedback.Time.GetUtcNow();
        var items = await feedback.Store.ListSuspendedAsync(Math.Clamp(limit ?? 100, 1, 1000), after, cancellationToken);
        // A temporary suspension past its expiry is over even before the next feedback rewrites its row.
        return TypedResults.Ok(items.Where(l => l.SuspensionAt(now) is not null).Select(l => RecipientStatusView.From(l, now, feedback.Unblocks)).ToArray());
    }

    internal static async Task<Results<Ok<SuppressionDetailView>, ValidationProblem>> ShowAsync(string address, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid("address", normalised);
        }

        return TypedResults.Ok(await DetailAsync(feedback, normalised, cancellationToken));
    }

    internal static async Task<Results<Ok<SuppressionDetailView>, ValidationProblem>> AddAsync(OperatorRequest request, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(request.Address, out var normalised))
        {
            return Invalid("address", normalised);
        }

        if (string.IsNullOrWhiteSpace(request.Operator))
        {
            return Invalid("operator", "say who you are: it goes into the audit entry");
        }

        var now = feedback.Time.GetUtcNow();
        await feedback.Store.UpdateAsync(new LedgerUpdate<bool>(normalised,
            (ledger, _) => (UnblockPolicy.OperatorAdd(ledger, now, request.Operator, request.Note ?? "", request.ExpiresAt), true),
            null, [], feedback.Outbox.Rows), cancellationToken);
        return TypedResults.Ok(await DetailAsync(feedback, normalised, cancellationToken));
    }

    internal static async Task<Results<Ok<SuppressionDetailView>, ValidationProblem>> RemoveAsync(string address, OperatorRequest request, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return Invalid("address", normalised);
        }

        if (string.IsNullOrWhiteSpace(request.Operator))
        {
            return Invalid("operator", "say who you are: it goes into the audit entry");
        }

        var now = feedback.Time.GetUtcNow();
        await feedback.Store.UpdateAsync(new LedgerUpdate<bool>(normalised,
            (ledger, _) => (UnblockPolicy.OperatorRemove(ledger, now, request.Operator, request.Note ?? ""), true),
            null, [], feedback.Outbox.Rows), cancellationToken);
        return TypedResults.Ok(await DetailAsync(feedback, normalised, cancellationToken));
    }

    private static async Task<SuppressionDetailView> DetailAsync(FeedbackService feedback, string address, CancellationToken cancellationToken)
    {
        var ledger = await feedback.Store.GetAsync(address, cancellationToken);
        var history = await feedback.Store.HistoryAsync(address, cancellationToken);
        return new SuppressionDetailView(RecipientStatusView.From(ledger, feedback.Time.GetUtcNow(), feedback.Unblocks),
            history.Select(h => new HistoryEntryView(h.Time, h.Action, h.Reason, h.Actor, h.Detail, h.MessageId)).ToArray());
    }

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
