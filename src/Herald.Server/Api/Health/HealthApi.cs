using Herald.Server.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Health;

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> (Readiness readiness, CancellationToken cancellationToken) =>
            {
                var state = await readiness.StateAsync(cancellationToken);
                return state == "ready"
                    ? TypedResults.Ok(new HealthStatus(state))
                    : TypedResults.Json(new HealthStatus(state), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Health")
            .WithSummary("200 once the queue is recovered and the workers run, while the store takes writes and its disk has room; otherwise 503 with status starting, storage-unavailable or disk-space-low");
        return app;
    }
}
