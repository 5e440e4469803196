using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Server.Health;

/// <summary>
/// The JSON of the health endpoints: the overall word (<see cref="HealthState"/>) and every check by name with its
/// status and what it found, so an operator sees which check took Herald out of service.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report, string healthyWord)
    {
        var status = report.Entries.Values
            .Where(e => e.Status == HealthStatus.Unhealthy)
            .Select(e => e.Data.TryGetValue(HealthState.Key, out var word) ? word as string : null)
            .FirstOrDefault(w => w is not null) ?? healthyWord;
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new CheckAnswer(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description),
            StringComparer.Ordinal);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new Answer(status, checks), HealthJson.Default.Answer, context.RequestAborted);
    }

    internal sealed record Answer(string Status, IReadOnlyDictionary<string, CheckAnswer> Checks);

    internal sealed record CheckAnswer(string Status, string? Description);
}
