using Dapper;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// Concurrent outcomes share one round trip and one commit (PostgresStore's CommitGroup): each lane still gets its own
/// answer (applied, with the ledger read after a delivery, or the lease lost), an outcome the database refuses fails
/// only its own caller, and a critical message's outcome never waits behind a group of others.
/// </summary>
public sealed class PostgresOutcomeGroupTests : OnTestDatabase
{
    private static readonly DateTimeOffset At = T0.AddMinutes(1);

    [Fact]
    public async Task Outcomes_that_arrive_while_one_is_written_share_one_group_and_each_gets_its_own_answer()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var jobs = await ClaimedAsync(store, 41);
        var blocked = await HoldQueueRowAsync(store, jobs[0].Message.Id);
        var first = store.CompleteAsync(jobs[0], Delivered(jobs[0], At), CancellationToken.None);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        first.IsCompleted.ShouldBeFalse("its queue row is locked by another transaction");

        // While the first group waits: deliveries, deferrals and lost leases, from 40 lanes at once.
        var rest = jobs.Skip(1).Select((job, i) => Task.Run(() => (i % 4) switch
        {
            0 or 1 => store.CompleteAsync(job, Delivered(job, At), CancellationToken.None),
            2 => store.CompleteAsync(job, Deferred(job, At, At.AddMinutes(5)), CancellationToken.None),
            _ => store.CompleteAsync(job with { LeaseToken = "not-the-lease" }, Delivered(job, At), CancellationToken.None),
        })).ToList();
        await UntilWaitingAsync(store, 40);
        blocked.SetResult();

        (await first).Address.ShouldNotBeNull().Ledger.Address.ShouldBe(jobs[0].Message.To);
        for (var i = 0; i < rest.Count; i++)
        {
            var completion = await rest[i];
            var job = jobs[i + 1];
            switch (i % 4)
            {
                case 0 or 1:
                    completion.Applied.ShouldBeTrue();
                    completion.Address.ShouldNotBeNull().Ledger.Address.ShouldBe(job.Message.To);
                    (await store.GetAsync(job.Message.Id, CancellationToken.None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Delivered);
                    break;
                case 2:
                    completion.ShouldBe(new Completion(true));
                    (await store.GetAsync(job.Message.Id, CancellationToken.None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Deferred);
                    break;
                default:
                    completion.ShouldBe(Completion.LeaseLost);
                    (await store.GetTimelineAsync(job.Message.Id, CancellationToken.None)).Select(e => e.Type).ShouldBe([EventType.Accepted]);
                    break;
            }
        }

        store.OutcomeGroups.ShouldBe(2, "the first outcome alone, then the forty that waited for it together");
    }

    [Fact]
    public async Task An_outcome_the_database_refuses_fails_alone_and_the_rest_of_its_group_is_stored()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var jobs = await ClaimedAsync(store, 21);
        var blocked = await HoldQueueRowAsync(store, jobs[0].Message.Id);
        var first = store.CompleteAsync(jobs[0], Delivered(jobs[0], At), CancellationToken.None);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        // PostgreSQL refuses a NUL in a text parameter (the store replaces it only in remote text, StorableText): this
        // outcome's lease token cannot be bound, and its group is written again one by one.
        var refused = jobs[10];
        var rest = jobs.Skip(1).Select(job => Task.Run(() => job == refused
            ? store.CompleteAsync(job with { LeaseToken = "lease\0" }, Delivered(job, At), CancellationToken.None)
            : store.CompleteAsync(job, Delivered(job, At), CancellationToken.None))).ToList();
        await UntilWaitingAsync(store, 20);
        blocked.SetResult();

        (await first).Applied.ShouldBeTrue();
        // Every caller's answer first (the others of a refused group are written one by one after it), then the rows.
        await Should.ThrowAsync<Exception>(() => rest[jobs.IndexOf(refused) - 1]);
        for (var i = 1; i < jobs.Count; i++)
        {
            if (jobs[i] != refused)
            {
                (await rest[i - 1]).Applied.ShouldBeTrue();
            }
        }

        for (var i = 1; i < jobs.Count; i++)
        {
            (await store.GetAsync(jobs[i].Message.Id, CancellationToken.None)).ShouldNotBeNull().Status
                .ShouldBe(jobs[i] == refused ? MessageStatus.Queued : MessageStatus.Delivered);
        }
    }

    [Fact]
    public async Task A_critical_outcome_is_written_while_a_group_of_other_outcomes_waits()
    {
        var store = await Database.OpenStoreAsync("node-a");
        await store.EnqueueAsync(New("msg_bulk", to: "ana@example.test", priority: Priority.Bulk));
        await store.EnqueueAsync(New("msg_code", to: "ben@example.test", priority: Priority.Critical));
        var jobs = await store.ClaimAsync(At);
        var bulk = jobs.Single(j => j.Message.Id == "msg_bulk");
        var code = jobs.Single(j => j.Message.Id == "msg_code");
        var blocked = await HoldQueueRowAsync(store, bulk.Message.Id);
        var waiting = store.CompleteAsync(bulk, Delivered(bulk, At), CancellationToken.None);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        (await store.CompleteAsync(code, Delivered(code, At), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))).Applied.ShouldBeTrue();
        waiting.IsCompleted.ShouldBeFalse();

        blocked.SetResult();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).Applied.ShouldBeTrue();
    }

    /// <summary>
    /// Until <paramref name="count"/> outcomes wait behind the group in flight: a fixed pause let a lane that the thread
    /// pool started late make a group of its own on a busy machine.
    /// </summary>
    private static async Task UntilWaitingAsync(PostgresStore store, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (store.OutcomesWaiting < count)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), $"{count} outcomes waiting, {store.OutcomesWaiting} so far");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<List<DeliveryJob>> ClaimedAsync(PostgresStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.EnqueueAsync(New($"msg_{i:D2}", to: $"user{i}@example.test", createdAt: T0.AddMilliseconds(i)));
        }

        var jobs = await store.ClaimAsync(At, max: count);
        jobs.Count.ShouldBe(count);
        return jobs.OrderBy(j => j.Message.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Locks the message's queue row in a transaction of its own until the returned source is set: an outcome for it
    /// waits on that lock, and with it the group it is in.
    /// </summary>
    private static async Task<TaskCompletionSource> HoldQueueRowAsync(PostgresStore store, string id)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = store.WriteAsync(async (c, tx) =>
        {
            await c.ExecuteAsync("SELECT 1 FROM queue WHERE id = @id FOR UPDATE", new { id }, tx);
            holding.SetResult();
            await release.Task;
            return 0;
        }, durable: true, CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return release;
    }
}
