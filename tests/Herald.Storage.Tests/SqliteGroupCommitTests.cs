using Herald.Core.Messages;
using Herald.Storage.Sqlite;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

public sealed class SqliteGroupCommitTests : SqliteStoreTest
{
    private SqliteStore Store => Database.Current!;

    [Fact]
    public async Task A_thousand_concurrent_enqueues_share_far_fewer_commits()
    {
        const int n = 1000;
        var before = Store.Commits;
        var tasks = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            var m = New($"msg_{i}");
            return await Store.EnqueueAsync(m, Accepted(m), T0, CancellationToken.None);
        })).ToArray();

        var results = await Task.WhenAll(tasks);

        results.ShouldAllBe(r => r is EnqueueResult.Created);
        var commits = Store.Commits - before;
        commits.ShouldBeGreaterThan(0);
        commits.ShouldBeLessThan(n / 4);
    }

    [Fact]
    public async Task A_bad_operation_fails_alone_while_the_rest_of_its_batch_commits()
    {
        await Store.EnqueueAsync(New("msg_taken"), Accepted(New("msg_taken")), T0, CancellationToken.None);
        var hold = await Store.HoldWriterAsync();
        var commitsBefore = Store.Commits;

        var first = Enqueue(New("msg_1"));
        var duplicateId = Enqueue(New("msg_taken") with { ReturnPath = "b-elsewhere" });
        var duplicateReturnPath = Enqueue(New("msg_2") with { ReturnPath = "b-msg_1" });
        var last = Enqueue(New("msg_3"));
        hold.Release();

        await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(duplicateId);
        await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(duplicateReturnPath);
        (await first).ShouldBeOfType<EnqueueResult.Created>();
        (await last).ShouldBeOfType<EnqueueResult.Created>();
        Store.Commits.ShouldBe(commitsBefore + 2, "the held batch, then one batch with all four");
        (await Store.GetAsync("msg_1", CancellationToken.None)).ShouldNotBeNull();
        (await Store.GetAsync("msg_2", CancellationToken.None)).ShouldBeNull();
        (await Store.GetAsync("msg_3", CancellationToken.None)).ShouldNotBeNull();
        (await Store.GetTimelineAsync("msg_3", CancellationToken.None)).Count.ShouldBe(1);

        // The writer goes on after the failures.
        (await Enqueue(New("msg_4"))).ShouldBeOfType<EnqueueResult.Created>();
    }

    [Fact]
    public async Task Claims_and_outcomes_are_committed_without_fsync_but_a_batch_with_an_acceptance_is_fsynced()
    {
        var m = New("msg_1");
        var synced = Store.SyncedCommits;
        await Enqueue(m);
        Store.SyncedCommits.ShouldBe(synced + 1, "an acknowledged message is fsynced before the answer");

        var commits = Store.Commits;
        var job = (await Store.ClaimAsync(T0.AddMinutes(1))).ShouldHaveSingleItem();
        (await Store.CompleteAsync(job, Delivered(job, T0.AddMinutes(2)), CancellationToken.None)).Applied.ShouldBeTrue();
        Store.Commits.ShouldBe(commits + 2);
        Store.SyncedCommits.ShouldBe(synced + 1, "losing a claim or an outcome only means sending again");

        // An outcome that shares its batch with an acceptance is made durable with it.
        var hold = await Store.HoldWriterAsync();
        var second = Enqueue(New("msg_2"));
        var claim = Store.ClaimAsync(T0.AddMinutes(1));
        hold.Release();
        await second;
        await claim;
        Store.SyncedCommits.ShouldBe(synced + 2);
        (await Store.GetAsync("msg_1", CancellationToken.None))!.Status.ShouldBe(MessageStatus.Delivered);
    }

    [Fact]
    public async Task A_write_cancelled_while_waiting_for_the_writer_is_not_applied()
    {
        var hold = await Store.HoldWriterAsync();
        using var cts = new CancellationTokenSource();
        var m = New("msg_1");
        var cancelled = Store.EnqueueAsync(m, Accepted(m), T0, cts.Token);
        await cts.CancelAsync();
        hold.Release();

        await Should.ThrowAsync<OperationCanceledException>(cancelled);
        (await Store.GetAsync("msg_1", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Writes_after_dispose_are_refused()
    {
        await Database.CloseAsync();
        var store = new SqliteStore(new SqliteStoreOptions { Path = Database.Path, NodeId = SqliteTestDatabase.DefaultNode }, TimeProvider.System);
        await store.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => store.RecoverAsync(CancellationToken.None));
    }

    private Task<EnqueueResult> Enqueue(NewMessage m) => Store.EnqueueAsync(m, Accepted(m), T0, CancellationToken.None);
}
