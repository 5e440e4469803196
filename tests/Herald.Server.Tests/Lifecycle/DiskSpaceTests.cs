using Herald.Server.Workers;
using Herald.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

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
    public async Task Readiness_says_disk_space_low_while_the_data_folder_is_below_the_threshold()
    {
        var folder = Directory.CreateTempSubdirectory("herald-disk-").FullName;
        try
        {
            await using var store = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "herald.db"), NodeId = "n" }, TimeProvider.System);
            var readiness = new Readiness(store, new FakeTimeProvider(), new DiskSpaceCheck(folder, 1L << 30, new ListLogger(), _ => _free));
            readiness.WorkersStarted();

            (await readiness.StateAsync(CancellationToken.None)).ShouldBe("ready");
            _free = 1L << 20;
            (await readiness.StateAsync(CancellationToken.None)).ShouldBe("disk-space-low");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
