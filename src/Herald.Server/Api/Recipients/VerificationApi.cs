using Herald.Core.Access;
using Herald.Core.Messages;
using Herald.Core.Recipients;
using Herald.Server.Access;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Recipients;

/// <summary>Address verification: (re-)send the email, or verify with a code or on the application's word.</summary>
internal static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients/{id}/addresses/{address}").WithTags("Verification").RequireScope(Scopes.Recipients);
        group.MapPost("/verification", RequestAsync)
            .WithSummary("Send (again) the verification email of an address")
            .WithDescription("Always 202 with the same body, whether or not the recipient or address exists or is already verified; 429 past the per-address limit (default 5 an hour).");
        group.MapPost("/verify", VerifyAsync)
            .WithSummary("Verify an address: with the code from the email, or without a body when the application verified it itself");
        return app;
    }

    internal static async Task<Results<Accepted<VerificationAnswer>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string id, string address, HttpContext http, Verifications verifications, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var normalised))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [normalised] }, title: "The request is not valid");
        }

        switch (await verifications.RequestAsync(id, normalised, cancellationToken))
        {
            case VerificationRequest.RateLimited limited:
                http.Response.Headers.RetryAfter = ((int)limited.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many verification emails",
                    detail: "Too many verification emails were asked for this address recently; try again later.");
            default:
                return TypedResults.Accepted((string?)null, VerificationAnswer.Instance);
        }
    }

    internal static async Task<Results<Ok<RecipientView>, ValidationProblem, NotFoundProblem, ConflictProblem>> VerifyAsync(
        string id, string address, VerifyAddressRequest? body, IRecipientStore store, Verifications verifications, Preferences preferences,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AddressRules.IsSingleMailbox(address, out var canonical))
        {
            return RecipientsApi.InvalidAddress(canonical);
        }

        address = canonical;
        if (string.IsNullOrWhiteSpace(body?.Code))
        {
            var change = await store.MarkVerifiedAsync(id, address, "application", time.GetUtcNow(), cancellationToken);
            return await RecipientsApi.AnswerAsync(change, id, address, preferences, cancellationToken);
        }

        if (await verifications.RedeemCodeAsync(id, address, body.Code, cancellationToken) is VerificationRedemption.Verified
            && await store.GetAsync(id, cancellationToken) is { } recipient)
        {
            return TypedResults.Ok(RecipientView.From(recipient, await preferences.ForAsync(id, cancellationToken), []));
        }

        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["code"] = ["is not valid for this address, has expired or was already used"] },
            title: "The code is not valid");
    }
}
