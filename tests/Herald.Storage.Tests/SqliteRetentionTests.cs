using System.Text;
using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Herald.Core.Messages;
using Herald.Storage.Sqlite;
using Herald.Storage.Sqlite.Feedback;
using Herald.Storage.Sqlite.Lifecycle;
using Herald.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

/// <summary>What retention and erasure do to the SQLite files themselves.</summary>
public sealed class SqliteRetentionTests : SqliteStoreTest
{
    private static readonly RetentionOptions Retention = new();
    private static readonly CancellationToken None = CancellationToken.None;

    private SqliteStore Store => Database.Current!;

    [Fact]
    public void A_new_database_is_made_with_incremental_auto_vacuum() =>
        Scalar("PRAGMA auto_vacuum").ShouldBe("2");

    [Fact]
    public async Task Pruning_then_reclaiming_gives_the_space_back_to_the_file_system()
    {
        await DeliverManyAsync(1500, T0, data: new string('x', 1500));
        var full = FileLength();
        var maintenance = new SqliteStoreMaintenance(Store);

        while ((await maintenance.PruneAsync(Retention.CutoffsAt(T0.AddDays(31)), 500, None)).Total > 0)
        {
        }

        while (await maintenance.ReclaimAsync(None) > 0)
        {
        }

        Scalar("PRAGMA wal_checkpoint(TRUNCATE)");
        FileLength().ShouldBeLessThan(full / 4);
    }

    [Fact]
    public async Task Pruning_a_large_backlog_lets_acceptances_through_between_its_batches()
    {
        await DeliverManyAsync(3000, T0);
        var maintenance = new SqliteStoreMaintenance(Store);
        var cutoffs = Retention.CutoffsAt(T0.AddDays(31));
        var firstBatch = new TaskCompletionSource();
        var pruner = Task.Run(async () =>
        {
            while ((await maintenance.PruneAsync(cutoffs, 100, None)).Total > 0)
            {
                firstBatch.TrySetResult();
            }
        });
        await firstBatch.Task;

        var accepted = new List<string>();
        long leftWhenAccepted = 0;
        for (var i = 0; i < 20; i++)
        {
            var m = New($"msg_new_{i}", createdAt: T0.AddDays(31));
            await Store.EnqueueAsync(m);
            accepted.Add(m.Id);
            leftWhenAccepted = Math.Max(leftWhenAccepted, long.Parse(Scalar("SELECT count(*) FROM messages WHERE id LIKE 'msg_old_%'")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await pruner;
        leftWhenAccepted.ShouldBeGreaterThan(1000, "each acceptance waited for one batch of 100 at most, not for the whole backlog");
        foreach (var id in accepted)
        {
            (await Store.GetAsync(id, None)).ShouldNotBeNull();
        }

        Scalar("SELECT count(*) FROM messages WHERE id LIKE 'msg_old_%'").ShouldBe("0");
    }

    [Fact]
    public async Task After_an_erasure_no_file_of_the_data_folder_holds_the_address()
    {
        const string address = "erase.me.please@example.test";
        var recipients = new SqliteRecipientStore(Store);
        var feedback = new SqliteFeedbackStore(Store);
        await recipients.CreateAsync("u-erase", [address], T0, None);
        await DeliverManyAsync(50, T0, to: address);
        await DeliverManyAsync(50, T0, to: "someone.else@example.test", prefix: "msg_other_");
        await feedback.UpdateAsync(TestFeedback.Change(address, T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);
        Bytes().Contains(address, StringComparison.Ordinal).ShouldBeTrue("the test must see the address before the erasure");

        var erasure = new Erasure("era_1", "u-erase", [new ErasedAddress(address, "fp")], "key:ops", T0, l => SuppressionPolicy.SurvivingErasure(l, T0));
        await new SqliteErasureStore(Store).EraseAsync(erasure, None);
        await Store.DisposeAsync(); // the writer's last act is the checkpoint that truncates the WAL

        Bytes().ShouldNotContain(address);
        Bytes().ShouldContain("someone.else@example.test");
    }

    private string Bytes()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Database.Path)!))
        {
            text.Append(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }

        return text.ToString();
    }

    private async Task DeliverManyAsync(int count, DateTimeOffset at, string to = "alice@example.test", string prefix = "msg_old_", string? data = null)
    {
        var messages = Enumerable.Range(0, count)
            .Select(i => New($"{prefix}{i:D5}", to: to, createdAt: at, dataJson: data is null ? """{"name":"Alice"}""" : $$"""{"name":"{{data}}"}"""))
            .ToList();
        await Task.WhenAll(messages.Select(m => Store.EnqueueAsync(m)));
        while (true)
        {
            var jobs = await Store.ClaimAsync(at, max: 500);
            if (jobs.Count == 0)
            {
                break;
            }

            await Task.WhenAll(jobs.Select(j => Store.CompleteAsync(j, Delivered(j, at.AddSeconds(1)), None)));
        }
    }

    private long FileLength() => new FileInfo(Database.Path).Length;

    private string? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
