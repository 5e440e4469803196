using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Server.Tests.Support;
using Herald.Testing;

namespace Herald.Server.Tests.Telemetry;

/// <summary>
/// docs/grafana-dashboard.json and docs/alerts.yml reference only metrics a live Herald exports: every herald_* name in
/// their expressions is in a /metrics scrape taken after mail was delivered and rejected and a webhook was sent.
/// </summary>
[Collection(MetricsTestGroup.Name)]
public sealed partial class DashboardTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _herald = await ScriptedHerald.StartAsync((recipient, verb, _) => recipient.StartsWith("unknown@", StringComparison.Ordinal) && verb == "RCPT"
            ? new ServerAction.Reply("550 5.1.1 <unknown@example.com>: Recipient address rejected: User unknown")
            : null, settings: _receiver.Endpoint("app", "/ok", new byte[32], "suppressed"));
    }

    public async ValueTask DisposeAsync()
    {
        await _herald.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alert_rules_use_is_in_a_live_scrape()
    {
        var dashboard = Expressions(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "grafana-dashboard.json"))).RootElement).ToList();
        var alerts = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "alerts.yml"));
        dashboard.Count.ShouldBeGreaterThan(10);
        foreach (var alert in new[] { "HeraldCriticalMessageLate", "HeraldBounceRateHigh", "HeraldComplaintRateHigh", "HeraldWebhookDeadLetters" })
        {
            alerts.ShouldContain($"alert: {alert}");
        }

        var used = dashboard.Append(alerts).SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        used.ShouldContain("herald_webhook_dead_letters");

        var scrape = await ScrapeAfterTrafficAsync();
        var exported = scrape.Samples.Select(s => s.Name).Concat(scrape.Types.Keys).ToHashSet(StringComparer.Ordinal);
        used.Where(name => !exported.Contains(name)).ShouldBeEmpty("referenced by docs/grafana-dashboard.json or docs/alerts.yml but not exported");
    }

    private async Task<PrometheusText> ScrapeAfterTrafficAsync()
    {
        var host = _herald.Host;
        var delivered = (await host.SendAsync(new { type = "magic-code", to = "ana@example.com", data = new { code = "123456" } })).GetProperty("id").GetString()!;
        var failed = (await host.SendAsync(new { type = "magic-code", to = "unknown@example.com", data = new { code = "123456" } })).GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(delivered, "delivered");
        await host.WaitForStatusAsync(failed, "failed");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_receiver.Calls.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        _receiver.Calls.ShouldNotBeEmpty("the suppression goes to the webhook endpoint");
        await Task.Delay(200); // the attempt is counted once the endpoint answered
        return PrometheusText.Parse(await host.Http.GetStringAsync("/metrics"));
    }

    private static IEnumerable<string> Expressions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var inner in Expressions(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(Expressions))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"\bherald_[a-z_]+\b")]
    private static partial Regex MetricName();
}
