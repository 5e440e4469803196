using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Telemetry;

/// <summary>
/// /metrics scraped and parsed as Prometheus text while messages go through a real SMTP server on 127.0.0.1: the
/// counters move by what happened (delivered, failed with its classified reason, deferred), the queue gauges and the
/// histograms are there with their labels.
/// </summary>
[Collection(MetricsTestGroup.Name)]
public sealed class MetricsTests : IAsyncLifetime
{
    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("unknown", "RCPT") => new ServerAction.Reply("550 5.1.1 <unknown@example.com>: Recipient address rejected: User unknown in virtual mailbox table"),
        ("busy", "RCPT") => new ServerAction.Reply("421 4.3.2 Service shutting down, try later"),
        _ => null,
    };

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task The_scrape_is_Prometheus_text_whose_counters_move_as_messages_go_through()
    {
        var before = await ScrapeAsync();
        before.Types["herald_queue_depth"].ShouldBe("gauge");
        before.Sum("herald_queue_depth", ("priority", "critical")).ShouldBe(0);
        var delivered = Delivered(before);

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SendAsync($"ana{i}@example.com"));
        }

        var unknown = await SendAsync("unknown@example.com");
        var busy = await SendAsync("busy@example.com");
        foreach (var id in ids)
        {
            await _herald.Host.WaitForStatusAsync(id, "delivered");
        }

        await _herald.Host.WaitForStatusAsync(unknown, "failed");
        await _herald.Host.WaitForStatusAsync(busy, "deferred");

        var after = await ScrapeUntilAsync(m => Delivered(m) >= delivered + 3 && m.Sum("herald_queue_depth", ("priority", "critical")) == 1);
        Delivered(after).ShouldBe(delivered + 3, string.Join("\n", after.Samples.Where(s => s.Name == "herald_messages_total").Select(s => string.Join(",", s.Labels.Select(l => l.Key + "=" + l.Value)))));
        after.Sum("herald_messages_total", ("outcome", "accepted"), ("type", "magic-code")).ShouldBe(before.Sum("herald_messages_total", ("outcome", "accepted")) + 5);
        after.Sum("herald_messages_total", ("outcome", "failed"), ("priority", "critical")).ShouldBe(1);
        after.Sum("herald_messages_total", ("outcome", "deferred")).ShouldBe(1);
        after.Sum("herald_bounces_total", ("reason", "UserUnknown"), ("source", "smtp"), ("temporary", "false")).ShouldBe(1);
        after.Types["herald_bounces_total"].ShouldBe("counter");

        after.Types["herald_attempt_duration_seconds"].ShouldBe("histogram");
        after.Sum("herald_attempt_duration_seconds_count", ("priority", "critical")).ShouldBe(5);
        after.Sum("herald_attempt_duration_seconds_bucket", ("priority", "critical"), ("outcome", "delivered"), ("le", "+Inf")).ShouldBe(3);
        after.Sum("herald_delivery_latency_seconds_count", ("priority", "critical")).ShouldBe(3);
        after.Sum("herald_store_claim_duration_seconds_count").ShouldBeGreaterThan(0);
        after.Sum("herald_store_commit_duration_seconds_count", ("outcome", "delivered")).ShouldBe(3);
        after.Sum("herald_queue_oldest_age_seconds", ("priority", "critical")).ShouldBeGreaterThanOrEqualTo(0);
        after.Samples.ShouldContain(s => s.Name == "herald_queue_depth" && s.Labels["priority"] == "bulk");
        after.Samples.ShouldContain(s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal)); // ASP.NET Core's own
        after.Types["dotnet_gc_pause_time_seconds_total"].ShouldBe("counter"); // the runtime's own (System.Runtime)
        after.Samples.ShouldContain(s => s.Name == "dotnet_gc_collections_total" && s.Labels["gc_heap_generation"] == "gen0");
    }

    private static double Delivered(PrometheusText metrics) =>
        metrics.Sum("herald_messages_total", ("outcome", "delivered"), ("type", "magic-code"), ("route", "default"), ("priority", "critical"));

    private async Task<string> SendAsync(string to) =>
        (await _herald.Host.SendAsync(new { type = "magic-code", to, data = new { code = "123456" } })).GetProperty("id").GetString()!;

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var response = await _herald.Host.Http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The exporter caches a scrape for a moment and the backlog for a second: scrape until the figures arrive.</summary>
    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> done)
    {
        var metrics = await ScrapeAsync();
        for (var i = 0; i < 100 && !done(metrics); i++)
        {
            await Task.Delay(100);
            metrics = await ScrapeAsync();
        }

        return metrics;
    }
}
