using System.Diagnostics;
using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteCrashTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_message_survives_kill_9_of_the_writing_process()
    {
        var acknowledged = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60)); // a writer that hangs fails the test instead of blocking it
        using (var writer = StartCrashWriter(_database.Path))
        {
            try
            {
                (await writer.StandardOutput.ReadLineAsync(timeout.Token)).ShouldBe("ready");
                while (acknowledged.Count < 2000 && await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } id)
                {
                    acknowledged.Add(id);
                }
            }
            finally
            {
                writer.Kill(); // SIGKILL: no disposal, no final commit, no flush of anything.
                await writer.WaitForExitAsync();
            }

            // Acknowledgements printed just before the kill are the ones most likely to be in a batch whose commit
            // was cut short: they count too.
            while (await writer.StandardOutput.ReadLineAsync() is { } id)
            {
                acknowledged.Add(id);
            }
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(2000, "the writer printed fewer acknowledgements than expected");
        var store = await _database.OpenStoreAsync();
        var missing = new List<string>();
        foreach (var id in acknowledged)
        {
            if (await store.GetAsync(id, CancellationToken.None) is null)
            {
                missing.Add(id);
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_batch_is_whole_or_absent_after_kill_9_and_every_acknowledged_batch_is_there()
    {
        var acknowledged = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using (var writer = StartCrashWriter(_database.Path, "--batch"))
        {
            try
            {
                (await writer.StandardOutput.ReadLineAsync(timeout.Token)).ShouldBe("ready");
                while (acknowledged.Count < 40 && await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } batch)
                {
                    acknowledged.Add(batch);
                }
            }
            finally
            {
                writer.Kill(); // SIGKILL, most likely while a batch is half-way through its statements or its commit
                await writer.WaitForExitAsync();
            }

            while (await writer.StandardOutput.ReadLineAsync() is { } batch)
            {
                acknowledged.Add(batch);
            }
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(40);
        await _database.OpenStoreAsync(); // recovers the WAL as the next start would
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database.Path};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT substr(id, 1, 7), COUNT(*) FROM messages GROUP BY 1";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                stored[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        stored.Where(b => b.Value != 100).ShouldBeEmpty("a batch is one transaction: all of its 100 messages or none");
        acknowledged.Where(b => !stored.ContainsKey(b)).ShouldBeEmpty();
    }

    private static Process StartCrashWriter(string path, string? mode = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Herald.Storage.CrashWriter.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(path);
        if (mode is not null)
        {
            info.ArgumentList.Add(mode);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash writer");
    }
}
