using Herald.Core.Access;
using Herald.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Keys;

/// <summary>API keys (scope <c>admin</c>); the CLI's <c>herald keys</c> does the same directly on the store, for the first key.</summary>
internal static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/keys").WithTags("Keys").RequireScope(Scopes.Admin);
        group.MapPost("/", CreateAsync).WithSummary("Create a key; the answer shows it once (it is stored hashed)");
        group.MapGet("/", ListAsync).WithSummary("Every key, revoked ones included, without secrets");
        group.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke a key: calls with it get 401 from now on");
        return app;
    }

    internal static async Task<Results<Created<KeyView>, ValidationProblem>> CreateAsync(KeyRequest request, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.CreateAsync(request.Name, request.Scopes, cancellationToken) switch
        {
            KeyCreation.Created c => TypedResults.Created($"/v1/keys/{c.Key.Id}", KeyView.From(c.Key, c.Token)),
            KeyCreation.Invalid i => TypedResults.ValidationProblem(i.Errors, title: "The key request is not valid"),
            var other => throw new InvalidOperationException($"unknown key creation result {other}"),
        };

    internal static async Task<Ok<KeyView[]>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(k => KeyView.From(k)).ToArray());

    internal static async Task<Results<NoContent, NotFoundProblem>> RevokeAsync(string id, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : new NotFoundProblem(new ProblemDetails { Status = 404, Title = "No such active key", Detail = $"No active key has the id '{id}'." });
}
