using Herald.Core.Access;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Access;
using Herald.Server.Api.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Recipients;

internal static class RecipientMessagesApi
{
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapRecipientMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/recipients/{address}/messages", ListAsync).RequireScope(Scopes.Read)
            .WithTags("Recipients")
            .WithSummary("The latest messages to an address, newest first, paged");
        return app;
    }

    internal static async Task<Results<Ok<RecipientMessagesPage>, ValidationProblem>> ListAsync(
        string address, int? limit, string? before, IMessageStore store, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalisedOrReason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [normalisedOrReason] });
        }

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {MaxLimit}"] });
        }

        MessagePage page;
        try
        {
            page = await store.ListByRecipientAsync(normalisedOrReason, limit ?? 20, before, cancellationToken);
        }
        catch (FormatException)
        {
            // The store documents FormatException for a cursor it did not produce: the client's mistake, not ours.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["is not a cursor from a previous page's 'next' link"] });
        }

        var next = page.NextCursor is null
            ? null
            : $"/v1/recipients/{Uri.EscapeDataString(normalisedOrReason)}/messages?limit={limit ?? 20}&before={Uri.EscapeDataString(page.NextCursor)}";
        return TypedResults.Ok(new RecipientMessagesPage(page.Items.Select(m => MessageView.From(m, null)).ToArray(), next));
    }
}
