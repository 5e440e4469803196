using System.Threading.RateLimiting;
using Herald.Server.Pages.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Herald.Server.Pages.Console;

/// <summary>
/// Console sign-ins per client address and minute (ASP.NET Core rate limiting): password guessing gets a few tries a
/// minute, and the refusal is a page a person can read, not the API's problem document.
/// </summary>
internal sealed class SignInRateLimitPolicy(int perMinute) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = "60";
        await PageResults.Show<SignInPage>(http, new SignInModel(PageText.TooManySignIns), StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
