using Herald.Core.Access;
using Herald.Core.Recipients;
using Herald.Server.Access;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Recipients;

/// <summary>Per recipient and per catalogue category: on or off.</summary>
internal static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients/{id}/preferences").WithTags("Preferences").RequireScope(Scopes.Recipients);
        group.MapGet("/", GetAsync).WithSummary("Every category of the catalogue: on or off for this recipient, and whether it may be turned off");
        group.MapPut("/{category}", SetAsync)
            .WithSummary("Turn a category on or off")
            .WithDescription("Persisted before the answer; applies to messages still waiting in the queue. 409 for a category that cannot be turned off (sign-in codes, validation).");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<EffectivePreference>>, NotFoundProblem>> GetAsync(
        string id, IRecipientStore store, Preferences preferences, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return new NotFoundProblem(RecipientProblems.NoRecipient(id));
        }

        return TypedResults.Ok(await preferences.ForAsync(id, cancellationToken));
    }

    internal static async Task<Results<Ok<EffectivePreference>, ValidationProblem, NotFoundProblem, ConflictProblem>> SetAsync(
        string id, string category, SetPreferenceRequest body, Preferences preferences, CancellationToken cancellationToken)
    {
        if (body.Enabled is not { } enabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["is required: true or false"] }, title: "The request is not valid");
        }

        return await preferences.SetAsync(id, category, enabled, PreferenceSources.Api, cancellationToken) switch
        {
            PreferenceChange.Done done => TypedResults.Ok(done.Preference),
            PreferenceChange.Mandatory m => new ConflictProblem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This category cannot be turned off",
                Detail = m.Reason,
                Extensions = { ["category"] = category },
            }),
            PreferenceChange.UnknownCategory u => new NotFoundProblem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such category",
                Detail = $"'{category}' is not a category of the catalogue; known categories: {string.Join(", ", u.Known)}.",
            }),
            _ => new NotFoundProblem(RecipientProblems.NoRecipient(id)),
        };
    }
}
