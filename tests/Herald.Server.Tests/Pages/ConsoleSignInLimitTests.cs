using System.Net;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Pages;

/// <summary>Console sign-ins are rate-limited per client address, with a page that says so.</summary>
public sealed class ConsoleSignInLimitTests
{
    [Fact]
    public async Task The_third_sign_in_within_a_minute_is_refused_with_429_when_two_are_allowed()
    {
        await using var host = await HeraldTestHost.StartAsync(null, new() { ["Herald:Pages:SignInsPerMinute"] = "2" });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "sam", ["password"] = "guess" });

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await host.Http.PostAsync("/console/sign-in", form);
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests); // refused for its missing antiforgery token, but counted
        }

        using var refused = await host.Http.PostAsync("/console/sign-in", form);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts");
    }
}
