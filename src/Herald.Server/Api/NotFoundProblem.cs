using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api;

/// <summary>
/// 404 with an RFC 9457 ProblemDetails, written as <c>application/problem+json</c> (RFC 9457 section 3; the framework's
/// <c>NotFound&lt;ProblemDetails&gt;</c> writes it as plain <c>application/json</c>), and documented as such in OpenAPI.
/// </summary>
internal sealed class NotFoundProblem(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;

    public ProblemDetails Value { get; } = problem;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        Value.Status = StatusCodes.Status404NotFound;
        return TypedResults.Problem(Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
}
