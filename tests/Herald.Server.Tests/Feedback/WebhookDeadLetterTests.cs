using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Herald.Server.Tests.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Feedback;

/// <summary>
/// An application endpoint that always answers 500 (a real Kestrel on 127.0.0.1) gets every attempt of the schedule,
/// then the event is a dead letter, listed with its attempts; replayed to a working endpoint it arrives signed.
/// </summary>
[Collection(MetricsTestGroup.Name)]
public sealed class WebhookDeadLetterTests : IAsyncLifetime
{
    private static readonly byte[] BrokenKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] OkKey = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private WebhookReceiver _receiver = null!;
    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        var settings = _receiver.Endpoint("broken", "/broken", BrokenKey, "suppressed");
        // The working endpoint subscribes to an event that never happens here: it gets only what is replayed to it.
        foreach (var (key, value) in _receiver.Endpoint("fixed", "/ok", OkKey, "unblocked"))
        {
            settings[key] = value;
        }

        _herald = await ScriptedHerald.StartAsync(
            (_, verb, _) => verb == "RCPT" ? new ServerAction.Reply("550 5.1.1 <x@example.com>: Recipient address rejected: User unknown") : null, _time, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _herald.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task An_endpoint_that_always_fails_gets_a_dead_letter_that_is_replayed_signed_to_a_working_endpoint()
    {
        var http = _herald.Host.Http;
        var id = (await _herald.Host.SendAsync(new { type = "integration-alert", to = "x@example.com", data = new { integration = "a", problem = "b" } }))
            .GetProperty("id").GetString()!;
        await _herald.Host.WaitForStatusAsync(id, "failed");

        // 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts in about 28 hours of the fake clock.
        var dead = await PumpUntilAsync(async () => (await DeliveriesAsync("broken", "dead")).EnumerateArray().ToList() is [var d] ? d : (JsonElement?)null);
        var attempts = dead.GetProperty("attempts").EnumerateArray().ToList();
        attempts.Count.ShouldBe(8);
        attempts.ShouldAllBe(a => a.GetProperty("status").GetString() == "failed" && a.GetProperty("responseCode").GetInt32() == 500);
        attempts[0].GetProperty("error").GetString().ShouldBe("HTTP 500");
        dead.GetProperty("type").GetString().ShouldBe("suppressed");
        var calls = _receiver.Calls.ToArray();
        calls.Length.ShouldBe(8);
        calls.ShouldAllBe(c => c.Path == "/broken" && c.Id == dead.GetProperty("eventId").GetString() && c.SignedWith(BrokenKey));
        (await ScrapeAsync()).Sum("herald_webhook_dead_letters", ("endpoint", "broken")).ShouldBe(1);

        // Replayed to the same (still broken) endpoint: one more attempt, a dead letter again.
        var seq = dead.GetProperty("id").GetInt64();
        using (var again = await http.PostAsJsonAsync($"/v1/webhooks/broken/deliveries/{seq}/replay", new { }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        }

        var redead = await PumpUntilAsync(async () => (await DeliveriesAsync("broken", "dead")).EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } d
            && d.GetProperty("attempts").GetArrayLength() == 9 ? d : (JsonElement?)null);
        redead.GetProperty("id").GetInt64().ShouldBe(seq);

        using (var all = await http.PostAsJsonAsync("/v1/webhooks/broken/replay", new { to = "fixed" }))
        {
            (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32().ShouldBe(1);
        }

        var delivered = await PumpUntilAsync(async () => (await DeliveriesAsync("fixed", "delivered")).EnumerateArray().ToList() is [var d] ? d : (JsonElement?)null);
        var last = delivered.GetProperty("attempts").EnumerateArray().Last();
        last.GetProperty("status").GetString().ShouldBe("delivered");
        last.GetProperty("responseCode").GetInt32().ShouldBe(204);
        var arrived = _receiver.Calls.Single(c => c.Path == "/ok");
        arrived.Id.ShouldBe(dead.GetProperty("eventId").GetString(), "the same webhook-id, so the application de-duplicates");
        arrived.Body.ShouldBe(calls[0].Body);
        arrived.SignedWith(OkKey).ShouldBeTrue("signed with the working endpoint's secret (Standard Webhooks)");
        (await DeliveriesAsync("broken", "dead")).GetArrayLength().ShouldBe(0);
        // The exporter answers a scrape from its cache for a moment (300 ms): scrape until the replay shows, at most 5 s.
        var scrape = await ScrapeAsync();
        for (var i = 0; i < 50 && scrape.Sum("herald_webhook_dead_letters") != 0; i++)
        {
            await Task.Delay(100);
            scrape = await ScrapeAsync();
        }

        scrape.Sum("herald_webhook_dead_letters").ShouldBe(0);
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_only_dead_letters_are_replayed()
    {
        var http = _herald.Host.Http;
        using (var state = await http.GetAsync("/v1/webhooks/broken/deliveries?state=lost"))
        {
            state.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await state.Content.ReadAsStringAsync()).ShouldContain("\"state\"");
        }

        using (var to = await http.PostAsJsonAsync("/v1/webhooks/broken/replay", new { to = "https://elsewhere.example/" }))
        {
            to.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await to.Content.ReadAsStringAsync()).ShouldContain("\"to\"");
        }

        using (var missing = await http.PostAsJsonAsync("/v1/webhooks/broken/deliveries/999/replay", new { }))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await http.GetAsync("/v1/webhooks/nobody/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var endpoints = await http.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        endpoints.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldBe(["broken", "fixed"]);
        endpoints.ToString().ShouldNotContain("whsec_");
    }

    private async Task<JsonElement> DeliveriesAsync(string endpoint, string state) =>
        await _herald.Host.Http.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{endpoint}/deliveries?state={state}");

    private async Task<PrometheusText> ScrapeAsync()
    {
        // The gauges share one read a second of Herald's clock: move it on so the scrape reads the store again.
        _time.Advance(TimeSpan.FromSeconds(2));
        return PrometheusText.Parse(await _herald.Host.Http.GetStringAsync("/metrics"));
    }

    /// <summary>Moves the fake clock 20 minutes at a time (the worker polls on it) until <paramref name="probe"/> finds what it waits for.</summary>
    private async Task<JsonElement> PumpUntilAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            _time.Advance(TimeSpan.FromMinutes(20));
            await Task.Delay(50);
        }

        throw new ShouldAssertException("the webhook worker did not get there within 60 s");
    }
}
