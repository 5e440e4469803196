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
        app.MapGet("/v1/incidents", ListAsync).WithTags("Suppressions").RequireScope(Scopes.Operator)
            .WithSummary("Domain incidents, latest hit first (?domain=, ?state=open|closed, ?limit=)");
        return app;
    }

    internal static async Task<Results<Ok<IncidentView[]>, ValidationProblem>> ListAsync(string? domain, string? state, int? limit, FeedbackService feedback,
        CancellationToken cancellationToken)
    {
        IncidentState? parsed = null;
        if (state is not null)
        {
            if (!FeedbackWire.TryParse(state, out IncidentState s))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["one of open, closed"] });
            }

            parsed = s;
        }

        var incidents = await feedback.IncidentsAsync(domain, parsed, Math.Clamp(limit ?? 50, 1, 500), cancellationToken);
        return TypedResults.Ok(incidents.Select(IncidentView.From).ToArray());
    }
}
