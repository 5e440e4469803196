using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Feedback;

/// <summary>
/// A domain incident's two events reach an application's endpoint (a real Kestrel on 127.0.0.1), signed, once each: opened
/// when the third address of a domain hits the same gateway block of a real scripted SMTP server, closed when a message to
/// the domain is delivered or, on the fake clock, when the block has been quiet for the incident window.
/// </summary>
public sealed class IncidentWebhookTests : IAsyncLifetime
{
    private const string Mimecast = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private WebhookReceiver _receiver = null!;
    private ScriptedHerald? _herald;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_herald is not null)
        {
            await _herald.DisposeAsync();
        }

        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task An_incident_opened_by_three_blocked_addresses_closes_when_a_retry_to_the_domain_is_delivered()
    {
        // Each address is blocked once; its retry goes through (the domain's IT allowed us).
        await StartAsync((_, verb, count) => verb == "RCPT" && count == 1 ? new ServerAction.Reply(Mimecast) : null);
        foreach (var user in new[] { "ana", "ben", "cy" })
        {
            var id = (await _herald!.Host.SendAsync(new { type = "integration-alert", to = user + "@mimecast.example", data = new { integration = "a", problem = "b" } }))
                .GetProperty("id").GetString()!;
            await _herald.Host.WaitForStatusAsync(id, "deferred");
        }

        var opened = await PumpUntilAsync("incident.opened", TimeSpan.FromSeconds(1));
        var incidentId = opened.GetProperty("data").GetProperty("incidentId").GetString()!;
        opened.GetProperty("data").GetProperty("domain").GetString().ShouldBe("mimecast.example");
        opened.GetProperty("data").GetProperty("addresses").GetInt32().ShouldBe(3);
        opened.GetProperty("data").GetProperty("signature").GetString()!.ShouldContain("550");
        opened.GetProperty("data").TryGetProperty("sample", out _).ShouldBeFalse("the reply may name an address: it stays in the API, where erasure blanks it");

        // The retries come after their backoff on Herald's clock: well within the incident window.
        var closed = await PumpUntilAsync("incident.closed", TimeSpan.FromSeconds(20));
        closed.GetProperty("data").GetProperty("incidentId").GetString().ShouldBe(incidentId);
        closed.GetProperty("data").GetProperty("reason").GetString().ShouldBe("delivered");

        var http = _herald!.Host.Http;
        var listed = (await http.GetFromJsonAsync<JsonElement>("/v1/incidents?domain=mimecast.example&state=closed")).EnumerateArray().ShouldHaveSingleItem();
        (listed.GetProperty("id").GetString(), listed.GetProperty("state").GetString(), listed.GetProperty("closeReason").GetString())
            .ShouldBe((incidentId, "closed", "delivered"));
        listed.GetProperty("sample").GetString()!.ShouldContain("Envelope blocked");
        (await http.GetFromJsonAsync<JsonElement>("/v1/incidents?state=open")).GetArrayLength().ShouldBe(0);
        using var bad = await http.GetAsync("/v1/incidents?state=lifted");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("\"state\"");
        await ExactlyOnceAsync();
    }

    [Fact]
    public async Task An_incident_whose_block_stays_quiet_for_the_window_is_closed_by_the_sweep_on_the_clock()
    {
        // Always blocked, but sign-in codes live 10 minutes: after that nothing hits the block again.
        await StartAsync((recipient, verb, _) => verb == "RCPT" && recipient.EndsWith("@mimecast.example", StringComparison.Ordinal) ? new ServerAction.Reply(Mimecast) : null);
        foreach (var user in new[] { "ana", "ben", "cy" })
        {
            var id = (await _herald!.Host.SendAsync(new { type = "magic-code", to = user + "@mimecast.example", data = new { code = "123456" } }))
                .GetProperty("id").GetString()!;
            await _herald.Host.WaitForStatusAsync(id, "deferred");
        }

        var opened = await PumpUntilAsync("incident.opened", TimeSpan.FromSeconds(1));
        var openedAt = opened.GetProperty("timestamp").GetDateTimeOffset();

        var closed = await PumpUntilAsync("incident.closed", TimeSpan.FromMinutes(2));
        var data = closed.GetProperty("data");
        data.GetProperty("incidentId").GetString().ShouldBe(opened.GetProperty("data").GetProperty("incidentId").GetString());
        data.GetProperty("reason").GetString().ShouldBe("quiet");
        var lastHit = data.GetProperty("lastAt").GetDateTimeOffset();
        lastHit.ShouldBeGreaterThanOrEqualTo(openedAt);
        data.GetProperty("closedAt").GetDateTimeOffset().ShouldBe(lastHit + TimeSpan.FromHours(1), "closed where the window ended");
        await ExactlyOnceAsync();
    }

    private async Task StartAsync(Func<string, string, int, ServerAction?> rules) =>
        _herald = await ScriptedHerald.StartAsync(rules, _time, _receiver.Endpoint("app", "/ok", Key, "incident.opened", "incident.closed"));

    /// <summary>Moves the fake clock by <paramref name="step"/> (the workers wait on it) until an event of <paramref name="type"/> arrives; its body.</summary>
    private async Task<JsonElement> PumpUntilAsync(string type, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_receiver.Calls.FirstOrDefault(c => Type(c) == type) is { } call)
            {
                call.SignedWith(Key).ShouldBeTrue("signed per Standard Webhooks");
                return JsonDocument.Parse(call.Body).RootElement;
            }

            _time.Advance(step);
            await Task.Delay(25);
        }

        throw new ShouldAssertException($"no {type} event within 60 s; received: {string.Join(", ", _receiver.Calls.Select(Type))}");
    }

    /// <summary>A few more minutes of the clock bring no second event of either type.</summary>
    private async Task ExactlyOnceAsync()
    {
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(25);
        }

        _receiver.Calls.Select(Type).ShouldBe(["incident.opened", "incident.closed"]);
    }

    private static string Type(WebhookReceiver.Call call) => JsonDocument.Parse(call.Body).RootElement.GetProperty("type").GetString()!;
}
