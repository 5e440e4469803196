using Herald.Core.Catalogue;
using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>
/// A type's rate limit per address, counted by the store inside the enqueue: over it, the message is kept final as
/// throttled (never claimed), with the time the next one is accepted.
/// </summary>
[ContractFor(typeof(IDeliveryQueue))]
public abstract class DeliveryQueueRateLimitContract : StoreContract
{
    private static readonly RateLimit ThreePerHour = new(3, TimeSpan.FromHours(1));

    private Task<EnqueueResult> SendAsync(string id, DateTimeOffset at, string to = "alice@example.test")
    {
        var m = New(id, to: to, createdAt: at, secretFields: ["name"]) with { RateLimit = ThreePerHour };
        return Queue.EnqueueAsync(m, Accepted(m), at.AddDays(-1), None);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Over_the_limit_a_message_is_kept_throttled_never_claimed_with_the_time_the_next_is_accepted()
    {
        for (var i = 0; i < 3; i++)
        {
            (await SendAsync($"msg_{i}", T0.AddMinutes(i))).ShouldBeOfType<EnqueueResult.Created>();
        }

        var throttled = (await SendAsync("msg_3", T0.AddMinutes(10))).ShouldBeOfType<EnqueueResult.Throttled>();

        throttled.RetryAt.ShouldBe(T0.AddHours(1));
        var stored = (await Store.GetAsync("msg_3", None)).ShouldNotBeNull();
        stored.Status.ShouldBe(MessageStatus.Throttled);
        (stored.DataJson ?? "").ShouldNotContain("Alice");
        (await Store.GetTimelineAsync("msg_3", None)).Select(e => e.Type.ToString()).ShouldBe(["Accepted", "Throttled"]);
        (await Queue.ClaimAsync(T0.AddMinutes(11))).Select(j => j.Message.Id).ShouldBe(["msg_0", "msg_1", "msg_2"], ignoreOrder: true);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task The_window_slides_refusals_do_not_count_and_other_addresses_are_apart()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendAsync($"msg_{i}", T0.AddMinutes(i * 20));
        }

        (await SendAsync("msg_x", T0.AddMinutes(50))).ShouldBeOfType<EnqueueResult.Throttled>();
        (await SendAsync("msg_y", T0.AddMinutes(51))).ShouldBeOfType<EnqueueResult.Throttled>();
        (await SendAsync("msg_other", T0.AddMinutes(51), to: "bob@example.test")).ShouldBeOfType<EnqueueResult.Created>();
        (await SendAsync("msg_upper", T0.AddMinutes(52), to: "ALICE@example.test")).ShouldBeOfType<EnqueueResult.Throttled>();
        (await SendAsync("msg_4", T0.AddMinutes(60).AddMilliseconds(1))).ShouldBeOfType<EnqueueResult.Created>();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Two_nodes_enqueuing_at_once_for_one_address_store_no_more_than_the_limit()
    {
        var other = await OpenNodeAsync("node-b");
        var sends = Enumerable.Range(0, 24).Select(i =>
        {
            var m = New($"msg_{i:D2}", createdAt: T0.AddSeconds(i)) with { RateLimit = ThreePerHour };
            var queue = i % 2 == 0 ? Queue : other.Queue;
            return Task.Run(() => queue.EnqueueAsync(m, Accepted(m), T0.AddDays(-1), None));
        }).ToList();

        var results = await Task.WhenAll(sends);

        // Each enqueue counted only after the one before it on the same address and type had committed.
        results.Count(r => r is EnqueueResult.Created).ShouldBe(3);
        results.Count(r => r is EnqueueResult.Throttled).ShouldBe(21);
    }
}
