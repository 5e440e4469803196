// Test support for SqliteCrashTests: `Herald.Storage.CrashWriter FILE` enqueues forever from 16 concurrent callers and
// prints each id once its enqueue was acknowledged. The test kills this process with SIGKILL and then checks that every
// printed id is in the database. With `--batch`, 4 callers enqueue batches of 100 (ids bNNNNNN-III) and print each
// batch's name (bNNNNNN) once it was acknowledged: after the kill, every batch is in the database whole or not at all.
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Storage.Sqlite;

if (args is not ([_] or [_, "--batch"]))
{
    await Console.Error.WriteLineAsync("usage: Herald.Storage.CrashWriter FILE [--batch]");
    return 2;
}

var path = args[0];

var clock = TimeProvider.System;
var store = new SqliteStore(new SqliteStoreOptions { Path = path, NodeId = "crash-writer" }, clock);
await store.OpenAsync(CancellationToken.None);
Console.WriteLine("ready");
var next = 0;
if (args is [_, "--batch"])
{
    await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
    {
        while (true)
        {
            var batch = $"b{Interlocked.Increment(ref next):D6}";
            var now = clock.GetUtcNow();
            var items = Enumerable.Range(0, 100).Select(i =>
            {
                var id = $"{batch}-{i:D3}";
                var m = new NewMessage(id, "password-reset", "transactional", Priority.Normal, $"crash{i}@example.test", """{"name":"Crash"}""", [],
                    null, "hash", now, now.AddDays(2), $"<{id}@herald.test>", $"b-{id}", "default");
                return new EnqueueItem(m, new DeliveryEvent(id, now, EventType.Accepted));
            }).ToList();
            await store.EnqueueBatchAsync(items, now, CancellationToken.None);
            Console.WriteLine(batch);
        }
    })));
    return 0;
}

await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var id = $"msg_{Interlocked.Increment(ref next):D9}";
        var now = clock.GetUtcNow();
        var m = new NewMessage(id, "password-reset", "transactional", Priority.Normal, "crash@example.test", """{"name":"Crash"}""", [],
            null, "hash", now, now.AddDays(2), $"<{id}@herald.test>", $"b-{id}", "default");
        await store.EnqueueAsync(m, new DeliveryEvent(id, now, EventType.Accepted), now, CancellationToken.None);
        Console.WriteLine(id);
    }
})));
return 0;
