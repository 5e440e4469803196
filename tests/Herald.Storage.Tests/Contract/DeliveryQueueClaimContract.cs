using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IDeliveryQueue"/> must do about due jobs: claim order, leases, next due time, recovery.</summary>
[ContractFor(typeof(IDeliveryQueue))]
public abstract class DeliveryQueueClaimContract : StoreContract
{
    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Critical_is_claimed_before_bulk_even_when_bulk_is_older()
    {
        await Queue.EnqueueAsync(New("msg_bulk", priority: Priority.Bulk, createdAt: T0));
        await Queue.EnqueueAsync(New("msg_normal", priority: Priority.Normal, createdAt: T0.AddSeconds(1)));
        await Queue.EnqueueAsync(New("msg_critical", priority: Priority.Critical, createdAt: T0.AddSeconds(2)));

        var jobs = await Queue.ClaimAsync(T0.AddMinutes(1));

        jobs.Select(j => j.Message.Id).ShouldBe(["msg_critical", "msg_normal", "msg_bulk"]);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Claim_takes_at_most_max_jobs_earliest_due_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await Queue.EnqueueAsync(New($"msg_{i}", createdAt: T0.AddSeconds(10 - i)));
        }

        var jobs = await Queue.ClaimAsync(T0.AddMinutes(1), max: 2);

        jobs.Select(j => j.Message.Id).ShouldBe(["msg_4", "msg_3"]);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Claim_leaves_priorities_below_the_lowest_requested()
    {
        await Queue.EnqueueAsync(New("msg_bulk", priority: Priority.Bulk));
        await Queue.EnqueueAsync(New("msg_critical", priority: Priority.Critical));

        var jobs = await Queue.ClaimAsync(T0.AddMinutes(1), lowest: Priority.Critical);

        jobs.Select(j => j.Message.Id).ShouldBe(["msg_critical"]);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Message_not_yet_due_is_not_claimed()
    {
        await Queue.EnqueueAsync(New("msg_1", createdAt: T0));

        (await Queue.ClaimAsync(T0.AddMilliseconds(-1))).ShouldBeEmpty();
        (await Queue.ClaimAsync(T0)).Count.ShouldBe(1);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Leased_job_is_not_claimed_again_until_its_lease_expires_then_counts_a_new_attempt()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var now = T0.AddMinutes(1);
        var first = (await Queue.ClaimAsync(now, owner: "w1")).ShouldHaveSingleItem();
        first.Attempt.ShouldBe(1);
        first.Message.Attempts.ShouldBe(1);
        first.LeaseExpiresAt.ShouldBe(now.AddMinutes(5));

        (await Queue.ClaimAsync(now.AddMinutes(4), owner: "w2")).ShouldBeEmpty();

        var second = (await Queue.ClaimAsync(now.AddMinutes(5), owner: "w2")).ShouldHaveSingleItem();
        second.Attempt.ShouldBe(2);
        second.LeaseToken.ShouldNotBe(first.LeaseToken);
        (await Store.GetAsync("msg_1", None))!.Attempts.ShouldBe(2);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Each_claimed_job_gets_its_own_lease_token()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2"));

        var jobs = await Queue.ClaimAsync(T0.AddMinutes(1));

        jobs.Select(j => j.LeaseToken).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.NextDueAtAsync))]
    public async Task Next_due_time_is_the_earliest_free_job_or_lease_expiry_of_the_requested_priorities()
    {
        (await Queue.NextDueAtAsync(Priority.Bulk, None)).ShouldBeNull();
        await Queue.EnqueueAsync(New("msg_bulk", priority: Priority.Bulk, createdAt: T0));
        await Queue.EnqueueAsync(New("msg_critical", priority: Priority.Critical, createdAt: T0.AddMinutes(10)));

        (await Queue.NextDueAtAsync(Priority.Bulk, None)).ShouldBe(T0);
        (await Queue.NextDueAtAsync(Priority.Critical, None)).ShouldBe(T0.AddMinutes(10));

        var job = (await Queue.ClaimAsync(T0.AddMinutes(1), lowest: Priority.Bulk)).Single();
        (await Queue.NextDueAtAsync(Priority.Bulk, None)).ShouldBe(T0.AddMinutes(6), "a leased job is due when its lease expires");

        await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2)), None);
        (await Queue.NextDueAtAsync(Priority.Bulk, None)).ShouldBe(T0.AddMinutes(10));
        (await Queue.NextDueAtAsync(Priority.Normal, None)).ShouldBe(T0.AddMinutes(10));
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.ClaimAsync))]
    public async Task Two_nodes_claiming_at_once_never_get_the_same_job()
    {
        for (var i = 0; i < 40; i++)
        {
            await Queue.EnqueueAsync(New($"msg_{i:D2}", createdAt: T0.AddMilliseconds(i)));
        }

        var other = await OpenNodeAsync("node-b");
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? Queue : other.Queue).ClaimAsync(T0.AddMinutes(1), max: 6, owner: $"worker-{i}")));

        var ids = claims.SelectMany(c => c).Select(j => j.Message.Id).ToList();
        ids.Count.ShouldBe(40);
        ids.Distinct().Count().ShouldBe(40);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.RecoverAsync))]
    public async Task Recovery_releases_the_leases_of_this_node_before_they_expire()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0.AddSeconds(1)));
        var now = T0.AddMinutes(1);
        var crashed = await Queue.ClaimAsync(now);
        crashed.Count.ShouldBe(2);
        await ReopenAsync(); // this node restarts after a kill -9; its leases would run until T0 + 6 min

        (await Queue.RecoverAsync(None)).ShouldBe(2);

        (await Queue.CompleteAsync(crashed[0], Delivered(crashed[0], now), None)).Applied.ShouldBeFalse("the crashed run's lease is gone");
        var again = await Queue.ClaimAsync(now);
        again.Select(j => j.Message.Id).ShouldBe(["msg_1", "msg_2"]);
        again.ShouldAllBe(j => j.Attempt == 2, "the attempt of the crashed worker stays counted");
        (await Queue.RecoverAsync(None)).ShouldBe(2);
        (await Queue.RecoverAsync(None)).ShouldBe(0);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.RecoverAsync))]
    public async Task Recovery_keeps_the_live_lease_of_another_node()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var other = await OpenNodeAsync("node-b");
        var job = (await other.Queue.ClaimAsync(T0, owner: "node-b-worker")).Single();
        Clock.SetUtcNow(T0.AddMinutes(4)); // the lease runs until T0 + 5 min

        (await Queue.RecoverAsync(None)).ShouldBe(0);

        (await Queue.ClaimAsync(T0.AddMinutes(4))).ShouldBeEmpty("node-b's worker may be sending it right now");
        (await other.Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(4)), None)).Applied.ShouldBeTrue("node-b still holds its lease");
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.RecoverAsync))]
    public async Task Recovery_releases_the_lease_of_another_node_once_it_has_expired()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0.AddSeconds(1)));
        var other = await OpenNodeAsync("node-b");
        var expired = (await other.Queue.ClaimAsync(T0, max: 1)).Single();
        var live = (await other.Queue.ClaimAsync(T0.AddMinutes(3), max: 1)).Single();
        expired.Message.Id.ShouldBe("msg_1");
        Clock.SetUtcNow(T0.AddMinutes(5)); // msg_1's lease ends now, msg_2's at T0 + 8 min

        (await Queue.RecoverAsync(None)).ShouldBe(1);

        (await other.Queue.CompleteAsync(expired, Delivered(expired, T0.AddMinutes(5)), None)).Applied.ShouldBeFalse("its lease was released");
        (await other.Queue.CompleteAsync(live, Delivered(live, T0.AddMinutes(5)), None)).Applied.ShouldBeTrue();
        (await Queue.ClaimAsync(T0.AddMinutes(5))).Single().Message.Id.ShouldBe("msg_1");
    }
}
