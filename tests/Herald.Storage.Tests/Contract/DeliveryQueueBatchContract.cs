using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestFeedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>
/// A batch enqueue (POST /v1/messages/batch): every item stored as a single enqueue would store it, in one transaction,
/// all or nothing, results in the items' order.
/// </summary>
[ContractFor(typeof(IDeliveryQueue))]
public abstract class DeliveryQueueBatchContract : StoreContract
{
    private static EnqueueItem Item(NewMessage m, SuppressedAtIntake? suppressed = null) => new(m, Accepted(m), suppressed);

    private Task<IReadOnlyList<EnqueueResult>> BatchAsync(params EnqueueItem[] items) => Queue.EnqueueBatchAsync(items, T0.AddDays(-1), None);

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueBatchAsync))]
    public async Task Every_message_of_a_batch_is_stored_queued_with_its_accepted_event_and_results_come_in_order()
    {
        var messages = Enumerable.Range(0, 20).Select(i => New($"msg_{i:00}", to: $"user{i}@example.test", createdAt: T0.AddMilliseconds(i))).ToList();

        var results = await BatchAsync(messages.Select(m => Item(m)).ToArray());

        results.Select(r => r.ShouldBeOfType<EnqueueResult.Created>().Message.Id).ShouldBe(messages.Select(m => m.Id));
        foreach (var m in messages)
        {
            (await Store.GetAsync(m.Id, None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Queued);
            (await Store.GetTimelineAsync(m.Id, None)).ShouldBe([Accepted(m)]);
        }

        (await Queue.ClaimAsync(T0.AddMinutes(1), max: 50)).Count.ShouldBe(20);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueBatchAsync))]
    public async Task A_key_repeated_in_a_batch_or_used_before_it_is_a_duplicate_or_a_conflict_as_for_single_messages()
    {
        var earlier = await Queue.EnqueueAsync(New("msg_0", idempotencyKey: "k0"));

        var results = await BatchAsync(
            Item(New("msg_1", idempotencyKey: "k1")),
            Item(New("msg_2", idempotencyKey: "k1")),
            Item(New("msg_3", idempotencyKey: "k1", requestHash: "hash-other")),
            Item(New("msg_4", idempotencyKey: "k0")));

        results[0].ShouldBeOfType<EnqueueResult.Created>();
        results[1].ShouldBeOfType<EnqueueResult.Duplicate>().Existing.Id.ShouldBe("msg_1");
        results[2].ShouldBeOfType<EnqueueResult.KeyConflict>().ExistingMessageId.ShouldBe("msg_1");
        results[3].ShouldBeOfType<EnqueueResult.Duplicate>().Existing.ShouldBeSameMessage(earlier);
        (await Store.GetAsync("msg_2", None)).ShouldBeNull();
        (await Store.GetAsync("msg_3", None)).ShouldBeNull();
        (await Store.GetAsync("msg_4", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueBatchAsync))]
    public async Task A_suppressed_item_is_stored_final_with_its_event_and_outbox_row_and_earlier_items_count_towards_a_rate_limit()
    {
        var limit = new RateLimit(1, TimeSpan.FromHours(1));
        var s = New("msg_s", to: "gone@example.test", dataJson: """{"name":"Alice","link":"https://secret"}""", secretFields: ["link"]);
        var suppressed = new DeliveryEvent(s.Id, T0, EventType.Suppressed, Detail: "suspended");

        var results = await BatchAsync(
            Item(New("msg_a", secretFields: ["name"]) with { RateLimit = limit }),
            Item(s, new SuppressedAtIntake(suppressed, [Row("evt_s", T0)])),
            Item(New("msg_b", createdAt: T0.AddSeconds(1), secretFields: ["name"]) with { RateLimit = limit }));

        results[0].ShouldBeOfType<EnqueueResult.Created>();
        results[1].ShouldBeOfType<EnqueueResult.Created>().Message.Status.ShouldBe(MessageStatus.Suppressed);
        results[2].ShouldBeOfType<EnqueueResult.Throttled>().RetryAt.ShouldBe(T0.AddHours(1));
        var stored = (await Store.GetAsync("msg_s", None)).ShouldNotBeNull();
        stored.Status.ShouldBe(MessageStatus.Suppressed);
        stored.DataJson.ShouldBe("""{"name":"Alice"}""");
        (await Store.GetTimelineAsync("msg_s", None)).ShouldBe([Accepted(s), suppressed]);
        (await Feedback.ClaimWebhooksAsync(T0)).ShouldHaveSingleItem().Id.ShouldBe("evt_s");
        (await Queue.ClaimAsync(T0.AddMinutes(1))).ShouldHaveSingleItem().Message.Id.ShouldBe("msg_a");
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueBatchAsync))]
    public async Task Rate_limits_count_the_messages_stored_before_and_the_batchs_own_earlier_items_but_not_throttled_ones()
    {
        // Without keys or suppressed items a store may count every limited item at once (PostgreSQL does): each must
        // still see exactly what it would have seen written one after the other.
        var limit = new RateLimit(2, TimeSpan.FromHours(1));
        NewMessage Limited(string id, string to, int second) => New(id, to: to, createdAt: T0.AddSeconds(second)) with { RateLimit = limit };
        await Queue.EnqueueAsync(Limited("msg_0", "alice@example.test", 0));

        var results = await BatchAsync(
            Item(Limited("msg_1", "alice@example.test", 10)),
            Item(New("msg_2", to: "alice@example.test", createdAt: T0.AddSeconds(11))),
            Item(Limited("msg_3", "ALICE@example.test", 12)),
            Item(Limited("msg_4", "dave@example.test", 13)),
            Item(New("msg_5", to: "dave@example.test", createdAt: T0.AddSeconds(14))),
            Item(Limited("msg_6", "dave@example.test", 15)),
            Item(Limited("msg_7", "erin@example.test", 16)));

        results[0].ShouldBeOfType<EnqueueResult.Created>("one stored before: under the limit of two");
        results[1].ShouldBeOfType<EnqueueResult.Created>("this one has no limit of its own");
        results[2].ShouldBeOfType<EnqueueResult.Throttled>("msg_0 before, msg_1 and msg_2 of this batch: the oldest, msg_0, leaves the window first")
            .RetryAt.ShouldBe(T0.AddHours(1));
        results[3].ShouldBeOfType<EnqueueResult.Created>();
        results[4].ShouldBeOfType<EnqueueResult.Created>();
        results[5].ShouldBeOfType<EnqueueResult.Throttled>("msg_4 and msg_5 of this batch, though msg_5 has no limit: the count is of the type")
            .RetryAt.ShouldBe(T0.AddSeconds(13).AddHours(1));
        results[6].ShouldBeOfType<EnqueueResult.Created>();
        (await Store.GetAsync("msg_3", None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Throttled);
        (await Store.GetTimelineAsync("msg_6", None)).Select(e => e.Type).ShouldBe([EventType.Accepted, EventType.Throttled]);

        // Throttled requests do not count: an hour later msg_0 has left the window, and alice has two (msg_1, msg_2), not three.
        var later = await BatchAsync(Item(Limited("msg_8", "alice@example.test", 3600)));
        later.ShouldHaveSingleItem().ShouldBeOfType<EnqueueResult.Throttled>().RetryAt.ShouldBe(T0.AddSeconds(10).AddHours(1));
        (await Queue.ClaimAsync(T0.AddMinutes(1), max: 50)).Select(j => j.Message.Id).Order().ShouldBe(["msg_0", "msg_1", "msg_2", "msg_4", "msg_5", "msg_7"]);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueBatchAsync))]
    public async Task A_batch_the_store_fails_part_way_through_keeps_none_of_its_messages()
    {
        // The third item reuses the first one's id: its insert breaks the primary key after two rows were written. One
        // transaction means the two are undone with it, and nothing of the batch is ever claimed.
        var first = New("msg_1", idempotencyKey: "k1");
        var suppressed = New("msg_2", to: "gone@example.test");

        await Should.ThrowAsync<Exception>(() => BatchAsync(
            Item(first),
            Item(suppressed, new SuppressedAtIntake(new DeliveryEvent("msg_2", T0, EventType.Suppressed), [Row("evt_2", T0)])),
            Item(New("msg_1", to: "bob@example.test"))));

        (await Store.GetAsync("msg_1", None)).ShouldBeNull();
        (await Store.GetAsync("msg_2", None)).ShouldBeNull();
        (await Queue.ClaimAsync(T0.AddDays(1))).ShouldBeEmpty();
        (await Feedback.ClaimWebhooksAsync(T0.AddDays(1))).ShouldBeEmpty();
        // The idempotency key was not taken either: the client's retry is stored as new.
        (await Queue.EnqueueBatchAsync([Item(first)], T0.AddDays(-1), None)).ShouldHaveSingleItem().ShouldBeOfType<EnqueueResult.Created>();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueBatchAsync))]
    public async Task A_batch_survives_a_restart_whole()
    {
        var messages = Enumerable.Range(0, 5).Select(i => New($"msg_{i}", to: $"user{i}@example.test")).ToList();
        await BatchAsync(messages.Select(m => Item(m)).ToArray());

        await ReopenAsync();

        (await Queue.ClaimAsync(T0.AddMinutes(1))).Select(j => j.Message.Id).ShouldBe(messages.Select(m => m.Id), ignoreOrder: true);
    }
}
