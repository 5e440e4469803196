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

    private static Process StartCrashWriter(string path)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Herald.Storage.CrashWriter.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(path);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash writer");
    }
}
