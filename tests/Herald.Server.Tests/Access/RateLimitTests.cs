using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;

namespace Herald.Server.Tests.Access;

/// <summary>
/// The finding: 500 sign-in codes to one address in 1.4 s, all delivered. A type's rate limit per address answers 429
/// with Retry-After and keeps the refused request, with the reason, on the recipient's list.
/// </summary>
public sealed class RateLimitTests : HostedHeraldTests
{
    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort) =>
        HeraldTestHost.StartAsync(smtpPort, new() { ["Herald:RateLimits:PerKey:PerSecond"] = "20", ["Herald:RateLimits:PerKey:Burst"] = "40" });

    private Task<HttpResponseMessage> CodeAsync(string to, int i) =>
        Host.Http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to, data = new { code = $"{i:D6}" } });

    [Fact]
    public async Task The_sixth_sign_in_code_to_one_address_within_15_minutes_is_refused_with_429_and_kept_as_throttled()
    {
        for (var i = 0; i < 5; i++)
        {
            using var ok = await CodeAsync("target@example.com", i);
            ok.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        using var refused = await CodeAsync("target@example.com", 5);

        refused.StatusCode.ShouldBe((HttpStatusCode)429, await refused.Content.ReadAsStringAsync());
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(800, 900);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("at most 5 'magic-code' messages to one address per 15 minutes");
        var id = problem.GetProperty("messageId").GetString()!;
        var message = await Host.GetMessageAsync(id);
        message.GetProperty("status").GetString().ShouldBe("throttled");
        Timeline.Last(message, "throttled").GetProperty("detail").GetString()!.ShouldContain("the next one is accepted from");
        using var other = await CodeAsync("someone-else@example.com", 6);
        other.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_key_over_its_request_rate_gets_429_with_Retry_After()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 120).Select(async i =>
        {
            using var response = await Host.Http.GetAsync($"/v1/messages/msg_{i}");
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter);
        }));

        answers.Count(a => a.StatusCode == (HttpStatusCode)429).ShouldBeGreaterThan(0);
        answers.Where(a => a.StatusCode == (HttpStatusCode)429).ShouldAllBe(a => a.RetryAfter != null);
    }
}
