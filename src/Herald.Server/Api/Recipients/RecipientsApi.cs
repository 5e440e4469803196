using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Recipients;
using Herald.Server.Access;
using Herald.Server.Api.Deliverability;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Recipients;

/// <summary>Recipients and their contact addresses (issue 5).</summary>
internal static class RecipientsApi
{
    public const int DefaultMessages = 20;

    /// <summary>Maps every recipient, preference, verification and page endpoint of issue 5.</summary>
    public static IEndpointRouteBuilder MapRecipientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients").WithTags("Recipients").RequireScope(Scopes.Recipients);
        group.MapPost("/", CreateAsync).WithSummary("Create a recipient (the application's user) with its addresses; the first is primary");
        group.MapGet("/{id}", GetAsync).WithSummary("A recipient: addresses, preferences, and the latest messages with the reason of each outcome");
        group.MapPost("/{id}/addresses", AddAddressAsync).WithSummary("Add an address (a secondary login, or the new primary)");
        group.MapDelete("/{id}/addresses/{address}", RemoveAddressAsync).WithSummary("Remove an address (not the primary while others exist)");
        group.MapPost("/{id}/addresses/{address}/primary", MakePrimaryAsync).WithSummary("Make an address the primary one");
        app.MapPreferencesApi();
        app.MapVerificationApi();
        return app;
    }

    internal static async Task<Results<Created<RecipientView>, ValidationProblem, ConflictProblem>> CreateAsync(
        CreateRecipientRequest body, IRecipientStore store, Verifications verifications, Preferences preferences, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!RecipientIds.IsValid(body.Id))
        {
            errors["id"] = [RecipientIds.Rule];
        }

        var addresses = new List<string>();
        foreach (var (address, i) in (body.Addresses ?? []).Select((a, i) => (a, i)))
        {
            if (AddressRules.IsSingleMailbox(address, out var normalised))
            {
                addresses.Add(normalised);
            }
            else
            {
                errors[$"addresses[{i}]"] = [normalised];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is not valid");
        }

        var change = await store.CreateAsync(body.Id!, addresses, time.GetUtcNow(), cancellationToken);
        if (change is not RecipientChange.Done done)
        {
            return new ConflictProblem(RecipientProblems.For(change, body.Id!, null));
        }

        if (body.SendVerification)
        {
            foreach (var address in addresses)
            {
                await verifications.RequestAsync(done.Recipient.Id, address, cancellationToken);
            }
        }

        var view = RecipientView.From(done.Recipient, await preferences.ForAsync(done.Recipient.Id, cancellationToken), []);
        return TypedResults.Created($"/v1/recipients/{Uri.EscapeDataString(view.Id)}", view);
    }

    internal static async Task<Results<Ok<RecipientView>, NotFoundProblem>> GetAsync(
        string id, int? limit, IRecipientStore store, Preferences preferences, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (!RecipientIds.IsValid(id) || await store.GetAsync(id, cancellationToken) is not { } recipient)
        {
            return new NotFoundProblem(RecipientProblems.NoRecipient(id));
        }

        var messages = await store.LatestMessagesAsync(
            recipient.Addresses.Select(a => a.Address).ToArray(), Math.Clamp(limit ?? DefaultMessages, 1, RecipientMessagesApi.MaxLimit), cancellationToken);
        var deliverability = new Dictionary<string, RecipientStatusView>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in recipient.Addresses)
        {
            deliverability[address.Address] = RecipientStatusView.From(await feedback.DeliverabilityAsync(address.Address, cancellationToken));
        }

        return TypedResults.Ok(RecipientView.From(recipient, await preferences.ForAsync(id, cancellationToken), messages, deliverability));
    }

    internal static async Task<Results<Ok<RecipientView>, ValidationProblem, NotFoundProblem, ConflictProblem>> AddAddressAsync(
        string id, AddAddressRequest body, IRecipientStore store, Verifications verifications, Preferences preferences, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(body.Address, out var address))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [address] }, title: "The request is not valid");
        }

        var change = await store.AddAddressAsync(id, address, body.Primary, time.GetUtcNow(), cancellationToken);
        if (body.SendVerification && change is RecipientChange.Done)
        {
            await verifications.RequestAsync(id, address, cancellationToken);
        }

        return await AnswerAsync(change, id, address, preferences, cancellationToken);
    }

    internal static async Task<Results<Ok<RecipientView>, ValidationProblem, NotFoundProblem, ConflictProblem>> RemoveAddressAsync(
        string id, string address, IRecipientStore store, Preferences preferences, CancellationToken cancellationToken) =>
        !AddressRules.IsSingleMailbox(address, out var canonical)
            ? InvalidAddress(canonical)
            : await AnswerAsync(await store.RemoveAddressAsync(id, canonical, cancellationToken), id, canonical, preferences, cancellationToken);

    internal static async Task<Results<Ok<RecipientView>, ValidationProblem, NotFoundProblem, ConflictProblem>> MakePrimaryAsync(
        string id, string address, IRecipientStore store, Preferences preferences, CancellationToken cancellationToken) =>
        !AddressRules.IsSingleMailbox(address, out var canonical)
            ? InvalidAddress(canonical)
            : await AnswerAsync(await store.MakePrimaryAsync(id, canonical, cancellationToken), id, canonical, preferences, cancellationToken);

    /// <summary>400 naming the address route value: every address is looked up in its canonical form only.</summary>
    internal static ValidationProblem InvalidAddress(string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [reason] }, title: "The request is not valid");

    internal static async Task<Results<Ok<RecipientView>, ValidationProblem, NotFoundProblem, ConflictProblem>> AnswerAsync(
        RecipientChange change, string id, string? address, Preferences preferences, CancellationToken cancellationToken) => change switch
        {
            RecipientChange.Done done => TypedResults.Ok(RecipientView.From(done.Recipient, await preferences.ForAsync(id, cancellationToken), [])),
            RecipientChange.Conflict => new ConflictProblem(RecipientProblems.For(change, id, address)),
            _ => new NotFoundProblem(RecipientProblems.For(change, id, address)),
        };
}
