using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Incidents;

/// <summary>Domain incidents: one block hitting several addresses of a domain (support looks here before blaming users).</summary>
internal static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/incidents", ListAsync).WithTags("Suppressions").RequireScope(Scopes.Operator).WithSummary("Domain incidents, latest first (?domain=, ?limit=)");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<DomainIncident>>> ListAsync(string? domain, int? limit, FeedbackService feedback, CancellationToken cancellationToken) =>
        TypedResults.Ok(await feedback.IncidentsAsync(domain, Math.Clamp(limit ?? 50, 1, 500), cancellationToken));
}
