using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api;

/// <summary>
/// 409 with an RFC 9457 ProblemDetails, written as <c>application/problem+json</c> (RFC 9457 section 3; the framework's
/// <c>Conflict&lt;ProblemDetails&gt;</c> writes it as plain <c>application/json</c>), and documented as such in OpenAPI.
/// </summary>
internal sealed class ConflictProblem(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status409Conflict;

    public ProblemDetails Value { get; } = problem;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        Value.Status = StatusCodes.Status409Conflict;
        return TypedResults.Problem(Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ProblemDetails), ["application/problem+json"]));
}
