// Test support for SqliteCrashTests: `Herald.Storage.CrashWriter FILE` enqueues forever from 16 concurrent callers and
// prints each id once its enqueue was acknowledged. The test kills this process with SIGKILL and then checks that every
// printed id is in the database.
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Storage.Sqlite;

if (args is not [var path])
{
    await Console.Error.WriteLineAsync("usage: Herald.Storage.CrashWriter FILE");
    return 2;
}

var clock = TimeProvider.System;
var store = new SqliteStore(new SqliteStoreOptions { Path = path, NodeId = "crash-writer" }, clock);
await store.OpenAsync(CancellationToken.None);
Console.WriteLine("ready");
var next = 0;
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
