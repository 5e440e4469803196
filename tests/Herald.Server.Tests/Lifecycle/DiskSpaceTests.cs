using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Health;
using Herald.Server.Tests.Support;
using Herald.Server.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Tests.Lifecycle;

/// <summary>The free-space threshold of the data folder: a warning when it is crossed, and readiness false while below it.</summary>
public sealed class DiskSpaceTests
{
    private long _free = 10L << 30;

    [Fact]
    public void Below_the_threshold_the_check_is_low_and_the_log_warns_once_per_crossing()
    {
        var log = new ListLogger();
        var check = new DiskSpaceCheck("/data", 1L << 30, log, _ => _free);

        check.IsLow().ShouldBeFalse();
        _free = 100L << 20;
        check.IsLow().ShouldBeTrue();
        check.IsLow().ShouldBeTrue();
        _free = 2L << 30;
        check.IsLow().ShouldBeFalse();

        log.Lines.Count(l => l.Level == LogLevel.Warning).ShouldBe(1);
        log.Lines.Single(l => l.Level == LogLevel.Warning).Text.ShouldContain("Herald:Retention:MinFreeDiskBytes");
        log.Lines.Count(l => l.Level == LogLevel.Information).ShouldBe(1);
    }

    [Fact]
    public void A_threshold_of_zero_turns_the_check_off() =>
        new DiskSpaceCheck("/data", 0, new ListLogger(), _ => 0).IsLow().ShouldBeFalse();

    [Fact]
    public async Task The_disk_health_check_fails_while_the_data_folder_is_below_the_threshold_and_recovers()
    {
        var check = new DiskSpaceHealthCheck(new DiskSpaceCheck("/data", 1L << 30, new ListLogger(), _ => _free));

        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
        _free = 1L << 20;
        var low = await check.CheckHealthAsync(new HealthCheckContext());
        low.Status.ShouldBe(HealthStatus.Unhealthy);
        low.Data["state"].ShouldBe("disk-space-low");
        _free = 2L << 30;
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Readiness_answers_503_disk_space_low_when_the_data_folder_has_less_room_than_configured()
    {
        // A threshold no test machine's disk meets (1 PiB) stands in for a full disk, through the real host and probe.
        await using var herald = await HeraldTestHost.StartAsync(null, new Dictionary<string, string?> { ["Herald:Retention:MinFreeDiskBytes"] = (1L << 50).ToString(CultureInfo.InvariantCulture) });
        using var response = await herald.Http.GetAsync("/healthz/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("disk-space-low");
        body.GetProperty("checks").GetProperty("disk").GetProperty("status").GetString().ShouldBe("unhealthy");
    }

    private sealed class ListLogger : ILogger<DiskSpaceCheck>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
