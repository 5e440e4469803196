using Herald.Storage.Tests.Contract;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>What SQLite's one writer gives for free and PostgreSQL must earn with locks: nodes working at the same instant.</summary>
public sealed class PostgresConcurrentClaimTests : OnTestDatabase
{
    [Fact]
    public async Task Two_nodes_claiming_at_the_same_time_never_take_the_same_job()
    {
        var a = await Database.OpenStoreAsync("node-a");
        var b = await Database.OpenStoreAsync("node-b");
        for (var i = 0; i < 300; i++)
        {
            await a.EnqueueAsync(New($"msg_{i:D3}", createdAt: T0.AddMilliseconds(i)));
        }

        async Task<List<string>> Drain(PostgresStore store, string owner)
        {
            var taken = new List<string>();
            while (await store.ClaimAsync(T0.AddMinutes(1), max: 7, owner: owner) is { Count: > 0 } jobs)
            {
                taken.AddRange(jobs.Select(j => j.Message.Id));
            }

            return taken;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(w => new[] { Drain(a, $"a-{w}"), Drain(b, $"b-{w}") }));

        var all = results.SelectMany(r => r).ToList();
        all.Count.ShouldBe(300);
        all.Distinct().Count().ShouldBe(300, "no job was claimed twice");
    }

    [Fact]
    public async Task Two_nodes_sending_one_idempotency_key_at_the_same_time_create_one_message()
    {
        var a = await Database.OpenStoreAsync("node-a");
        var b = await Database.OpenStoreAsync("node-b");
        var tries = Enumerable.Range(0, 8).Select(i =>
        {
            var m = New($"msg_{i}", idempotencyKey: "key-1");
            return (i % 2 == 0 ? a : b).EnqueueAsync(m, Accepted(m), T0.AddDays(-1), CancellationToken.None);
        });

        var results = await Task.WhenAll(tries);

        results.OfType<Herald.Core.Messages.EnqueueResult.Created>().Count().ShouldBe(1);
        results.OfType<Herald.Core.Messages.EnqueueResult.Duplicate>().Count().ShouldBe(7);
    }
}
