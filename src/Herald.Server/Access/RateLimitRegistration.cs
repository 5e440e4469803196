using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Access;

/// <summary>
/// Requests per API key (ASP.NET Core rate limiting, a token bucket per key): a leaked or runaway key cannot flood the
/// queue. The default is above what one node accepts (measured about 3,500/s on two cores), so it only stops floods;
/// set <c>Herald:RateLimits:PerKey</c> to the application's real peak. Per-address limits per type are the catalogue's
/// (<c>RateLimit</c>), counted by the store.
/// </summary>
internal static class RateLimitRegistration
{
    public static IServiceCollection AddHeraldRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Herald:RateLimits:PerKey");
        var perSecond = section.GetValue("PerSecond", 10_000);
        var burst = section.GetValue("Burst", perSecond * 2);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.FindFirst(HeraldClaims.KeyId)?.Value is { } key
                    ? RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("no key"));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests with this key",
                        Detail = $"This key may make {perSecond} requests a second (bursts of {burst}); Herald:RateLimits:PerKey sets it.",
                    },
                });
            };
        });
        return services;
    }
}
