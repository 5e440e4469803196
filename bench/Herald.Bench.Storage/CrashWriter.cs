using Herald.Storage.Sqlite;

namespace Herald.Bench.Storage;

/// <summary>
/// <c>--crash-writer FILE</c>: enqueue forever from 16 concurrent callers and print each id once acknowledged.
/// The storage tests kill this process with SIGKILL and check that every printed id is in the database.
/// </summary>
internal static class CrashWriter
{
    public static async Task RunAsync(string path)
    {
        var store = new SqliteStore(new SqliteStoreOptions { Path = path }, TimeProvider.System);
        await store.OpenAsync(CancellationToken.None);
        Console.WriteLine("ready");
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var m = BenchMessages.New(Interlocked.Increment(ref next), TimeProvider.System.GetUtcNow());
                await store.EnqueueAsync(m, BenchMessages.Accepted(m), m.CreatedAt, CancellationToken.None);
                Console.WriteLine(m.Id);
            }
        })));
    }
}
