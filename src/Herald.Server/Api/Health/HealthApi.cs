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
        app.MapGet("/healthz", Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>> (Readiness readiness) =>
                readiness.IsReady
                    ? TypedResults.Ok(new HealthStatus("ready"))
                    : TypedResults.Json(new HealthStatus("starting"), statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("Health")
            .WithSummary("200 once the queue is recovered and the workers run");
        return app;
    }
}
