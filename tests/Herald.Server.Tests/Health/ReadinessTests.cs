using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Health;

/// <summary>
/// The health endpoints as an orchestrator sees them: liveness answers while the process does; readiness names each
/// check and turns false while a critical message waits too long (a relay refusing everything), true once it is gone.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("busy", "RCPT") => new ServerAction.Reply("421 4.3.2 Service shutting down, try later"),
        _ => null,
    };

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(
        Rules, _time, new Dictionary<string, string?> { ["Herald:Health:CriticalQueueMaxAge"] = "00:00:30" });

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task Readiness_names_every_check_and_liveness_runs_none()
    {
        var ready = await _herald.Host.Http.GetFromJsonAsync<JsonElement>("/healthz/ready");
        ready.GetProperty("status").GetString().ShouldBe("ready");
        var checks = ready.GetProperty("checks");
        checks.EnumerateObject().Select(c => c.Name).ShouldBe(["workers", "store", "disk", "critical-queue"], ignoreOrder: true);
        checks.EnumerateObject().ShouldAllBe(c => c.Value.GetProperty("status").GetString() == "healthy");
        checks.GetProperty("critical-queue").GetProperty("description").GetString()!.ShouldContain("0 critical message(s) waiting");

        var live = await _herald.Host.Http.GetFromJsonAsync<JsonElement>("/healthz/live");
        live.GetProperty("status").GetString().ShouldBe("live");
        live.GetProperty("checks").EnumerateObject().ShouldBeEmpty();

        (await _herald.Host.Http.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("status").GetString().ShouldBe("ready");
    }

    [Fact]
    public async Task Readiness_turns_false_while_a_critical_message_waits_past_the_limit_and_back_once_it_expired()
    {
        var id = (await _herald.Host.SendAsync(new { type = "magic-code", to = "busy@example.com", data = new { code = "424242" } })).GetProperty("id").GetString()!;
        await _herald.Host.WaitForStatusAsync(id, "deferred");
        (await ReadyAsync()).Status.ShouldBe(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromSeconds(40)); // past the 30 s limit, before the first retry (one minute +/- 10 %)

        var late = await WaitForAsync(HttpStatusCode.ServiceUnavailable);
        late.Body.GetProperty("status").GetString().ShouldBe("critical-queue-late");
        var check = late.Body.GetProperty("checks").GetProperty("critical-queue");
        check.GetProperty("status").GetString().ShouldBe("unhealthy");
        check.GetProperty("description").GetString()!.ShouldContain("1 critical message(s) waiting");
        late.Body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("healthy");
        (await _herald.Host.Http.GetAsync("/healthz/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromMinutes(11)); // past magic-code's 10 minutes: the next attempt expires it
        await _herald.Host.WaitForStatusAsync(id, "expired");
        var back = await WaitForAsync(HttpStatusCode.OK);
        back.Body.GetProperty("status").GetString().ShouldBe("ready");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await _herald.Host.Http.GetAsync("/healthz/ready");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> WaitForAsync(HttpStatusCode status)
    {
        var answer = await ReadyAsync();
        for (var i = 0; i < 200 && answer.Status != status; i++)
        {
            await Task.Delay(25);
            _time.Advance(TimeSpan.FromMilliseconds(1100)); // past the backlog's one-second cache (well before the retry)
            answer = await ReadyAsync();
        }

        answer.Status.ShouldBe(status, answer.Body.ToString());
        return answer;
    }
}
