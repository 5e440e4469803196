// Storage throughput bench: enqueues/s with many concurrent callers, then claims+completes/s, then both at once.
// Usage: bench/storage.sh [--messages N] [--concurrency C] [--batch B] [--workers W] [--warmup N] [--path FILE]
using System.Diagnostics;
using System.Globalization;
using Herald.Bench.Storage;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Sqlite;

var messages = Option("--messages", 20_000);
var concurrency = Option("--concurrency", 64);
var batch = Option("--batch", 64);
var workers = Option("--workers", 2);
var warmup = Option("--warmup", 5_000);
var directory = Directory.CreateTempSubdirectory("herald-bench-").FullName;
var path = OptionText("--path") ?? Path.Combine(directory, "bench.db");
var clock = TimeProvider.System;

Console.WriteLine($"SQLite store bench: WAL, synchronous=FULL, {Environment.ProcessorCount} cores, file {path}");
Console.WriteLine($"{messages} messages, {concurrency} concurrent enqueuers, claim batches of {batch}, {workers} claim/complete workers");

try
{
    await using (var store = new SqliteStore(new SqliteStoreOptions { Path = path, NodeId = "bench" }, clock))
    {
        await store.OpenAsync(CancellationToken.None);

        // 0. Warm-up (JIT, file growth), not measured.
        await EnqueueAllAsync(store, 2 * messages, warmup);
        await DrainAsync(store, warmup);

        // 1. Enqueue only.
        var commits = store.Commits;
        var watch = Stopwatch.StartNew();
        await EnqueueAllAsync(store, 0, messages);
        Report("enqueue (insert message + accepted event)", messages, watch.Elapsed, store.Commits - commits);

        // 2. Claim + complete only (update + 2 events + secret purge).
        commits = store.Commits;
        watch.Restart();
        var done = await DrainAsync(store, messages);
        Report("claim + complete (lease, then update + 2 events + purge)", done, watch.Elapsed, store.Commits - commits);

        // 3. Both at once, as in the running server: every message enqueued, claimed and completed.
        commits = store.Commits;
        watch.Restart();
        var producing = EnqueueAllAsync(store, messages, messages);
        var delivered = await DrainAsync(store, messages);
        await producing;
        Report("end to end (enqueue + claim + complete)", delivered, watch.Elapsed, store.Commits - commits);
    }
}
finally
{
    if (OptionText("--path") is null)
    {
        Directory.Delete(directory, recursive: true);
    }
}

async Task EnqueueAllAsync(SqliteStore store, int first, int count)
{
    var next = first - 1;
    var last = first + count - 1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) <= last)
        {
            var m = BenchMessages.New(i, clock.GetUtcNow());
            var result = await store.EnqueueAsync(m, BenchMessages.Accepted(m), m.CreatedAt.AddDays(-1), CancellationToken.None);
            if (result is not EnqueueResult.Created)
            {
                throw new InvalidOperationException($"unexpected {result}");
            }
        }
    })));
}

// Each worker claims a batch, then completes every job of it concurrently (so completions are group-committed too).
async Task<int> DrainAsync(SqliteStore store, int expected)
{
    var completed = 0;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        var request = new ClaimRequest($"bench-{w}", batch, Priority.Bulk, default, TimeSpan.FromMinutes(5));
        while (Volatile.Read(ref completed) < expected)
        {
            var now = clock.GetUtcNow();
            var jobs = await store.ClaimAsync(request with { Now = now }, CancellationToken.None);
            if (jobs.Count == 0)
            {
                await Task.Yield();
                continue;
            }

            var results = await Task.WhenAll(jobs.Select(j => store.CompleteAsync(j, BenchMessages.Delivered(j, now), CancellationToken.None)));
            Interlocked.Add(ref completed, results.Count(r => r.Applied));
        }
    })));
    return completed;
}

static void Report(string what, int count, TimeSpan elapsed, long commits) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {count} in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:F0}/s; {commits} commits, {(double)count / Math.Max(commits, 1):F1} messages per commit"));

int Option(string name, int fallback) =>
    OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
