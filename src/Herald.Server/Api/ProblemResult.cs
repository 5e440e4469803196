using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api;

/// <summary>
/// A ProblemDetails answer with the status of <typeparamref name="TSelf"/>, written as <c>application/problem+json</c>
/// (RFC 9457 section 3; the framework's <c>NotFound&lt;ProblemDetails&gt;</c> and <c>Conflict&lt;ProblemDetails&gt;</c> write
/// plain <c>application/json</c>) and documented as such in OpenAPI. Each status is its own small type so that a handler's
/// <c>Results&lt;...&gt;</c> names it.
/// </summary>
internal abstract class ProblemResult<TSelf>(ProblemDetails problem)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
    where TSelf : ProblemResult<TSelf>, IProblemStatus
{
    public int? StatusCode => TSelf.Status;

    public ProblemDetails Value { get; } = problem;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        Value.Status = TSelf.Status;
        return TypedResults.Problem(Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(TSelf.Status, typeof(ProblemDetails), ["application/problem+json"]));
}
