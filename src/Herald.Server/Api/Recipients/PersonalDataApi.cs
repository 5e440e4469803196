using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Core.Access;
using Herald.Core.Lifecycle;
using Herald.Core.Messages;
using Herald.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Recipients;

/// <summary>
/// A person's data on request (GDPR articles 15, 17 and 20): export and erasure, by recipient id or by address, for
/// operators only. The id never contains '@' (<see cref="RecipientIds"/>), so one route takes either.
/// </summary>
internal static class PersonalDataApi
{
    /// <summary>Words, not numbers, for every status and reason: the export is read by people.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients").WithTags("Personal data").RequireScope(Scopes.Operator);
        group.MapGet("/{id}/export", ExportAsync)
            .WithSummary("Everything Herald holds about a recipient (by id) or an address, as one JSON document; secret fields never included");
        group.MapDelete("/{id}", EraseAsync)
            .WithSummary("Erase a recipient (by id) or an address: addresses, preferences, messages, timelines, template data, ledger. " +
                "A hard bounce or complaint in force is kept as a keyed hash only; the audit keeps who and when");
        return app;
    }

    internal static async Task<Results<JsonHttpResult<PersonalData>, NotFoundProblem, ValidationProblem>> ExportAsync(
        string id, PersonalDataService data, CancellationToken cancellationToken)
    {
        if (Invalid(id) is { } invalid)
        {
            return invalid;
        }

        var subject = await data.ResolveAsync(id, cancellationToken);
        return subject is null
            ? new NotFoundProblem(RecipientProblems.NoRecipient(id))
            : TypedResults.Json(await data.ExportAsync(subject, cancellationToken), Json);
    }

    internal static async Task<Results<Ok<ErasureReceipt>, NotFoundProblem, ValidationProblem>> EraseAsync(
        string id, PersonalDataService data, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Invalid(id) is { } invalid)
        {
            return invalid;
        }

        var subject = await data.ResolveAsync(id, cancellationToken);
        return subject is null
            ? new NotFoundProblem(RecipientProblems.NoRecipient(id))
            : TypedResults.Ok(await data.EraseAsync(subject, HeraldClaims.ActorOf(user), cancellationToken));
    }

    private static ValidationProblem? Invalid(string id) =>
        id.Contains('@', StringComparison.Ordinal)
            ? AddressRules.IsSingleMailbox(id, out var reason) ? null : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [reason] })
            : RecipientIds.IsValid(id) ? null : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [RecipientIds.Rule] });
}
