using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IDeliveryQueue"/> must say about its backlog (metrics and readiness read it).</summary>
[ContractFor(typeof(IDeliveryQueue))]
public abstract class DeliveryQueueDepthContract : StoreContract
{
    [Fact]
    [Covers(nameof(IDeliveryQueue.DepthAsync))]
    public async Task An_empty_queue_has_every_priority_at_zero_with_no_oldest()
    {
        var depth = await Queue.DepthAsync(None);

        depth.ShouldBe([new QueueDepth(Priority.Critical, 0, null), new QueueDepth(Priority.Normal, 0, null), new QueueDepth(Priority.Bulk, 0, null)]);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.DepthAsync))]
    public async Task Waiting_messages_are_counted_per_priority_with_the_oldest_acceptance_leased_and_deferred_included()
    {
        await Queue.EnqueueAsync(New("msg_c1", priority: Priority.Critical, createdAt: T0.AddSeconds(5)));
        await Queue.EnqueueAsync(New("msg_c2", priority: Priority.Critical, createdAt: T0.AddSeconds(9)));
        await Queue.EnqueueAsync(New("msg_b1", priority: Priority.Bulk, createdAt: T0));
        await Queue.EnqueueAsync(New("msg_done", priority: Priority.Bulk, createdAt: T0.AddSeconds(-30)));
        await Queue.EnqueueAsync(New("msg_later", priority: Priority.Bulk, createdAt: T0.AddSeconds(-20)));

        var jobs = await Queue.ClaimAsync(T0.AddMinutes(1), lowest: Priority.Bulk);
        (await Queue.CompleteAsync(jobs.Single(j => j.Message.Id == "msg_done"), Delivered(jobs.Single(j => j.Message.Id == "msg_done"), T0.AddMinutes(1)), None)).Applied.ShouldBeTrue();
        var later = jobs.Single(j => j.Message.Id == "msg_later");
        (await Queue.CompleteAsync(later, Deferred(later, T0.AddMinutes(1), T0.AddMinutes(10)), None)).Applied.ShouldBeTrue();

        var depth = await Queue.DepthAsync(None);

        depth.ShouldBe([
            new QueueDepth(Priority.Critical, 2, T0.AddSeconds(5)),
            new QueueDepth(Priority.Normal, 0, null),
            new QueueDepth(Priority.Bulk, 2, T0.AddSeconds(-20)),
        ]);
    }
}
