using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IMessageStore"/> must answer (look-ups, timelines and recipient listing).</summary>
[ContractFor(typeof(IMessageStore))]
public abstract class MessageStoreContract : StoreContract
{
    [Fact]
    [Covers(nameof(IMessageStore.GetAsync), nameof(IMessageStore.GetTimelineAsync))]
    public async Task Unknown_id_reads_back_as_null_with_an_empty_timeline()
    {
        await Queue.EnqueueAsync(New("msg_1"));

        (await Store.GetAsync("msg_missing", None)).ShouldBeNull();
        (await Store.GetTimelineAsync("msg_missing", None)).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IMessageStore.GetAsync))]
    public async Task A_message_reads_back_with_its_progress_after_each_change()
    {
        var created = await Queue.EnqueueAsync(New("msg_1", priority: Priority.Critical, idempotencyKey: "k1", secretFields: ["name"]));
        (await Store.GetAsync("msg_1", None)).ShouldBeSameMessage(created);

        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();
        var leased = await Store.GetAsync("msg_1", None);
        leased.ShouldBeSameMessage(created with { Attempts = 1 });

        await Queue.CompleteAsync(job, Deferred(job, T0.AddMinutes(2), T0.AddMinutes(30)), None);
        (await Store.GetAsync("msg_1", None)).ShouldBeSameMessage(created with
        {
            Status = MessageStatus.Deferred,
            Attempts = 1,
            NextAttemptAt = T0.AddMinutes(30),
            UpdatedAt = T0.AddMinutes(2),
        });
    }

    [Fact]
    [Covers(nameof(IMessageStore.GetTimelineAsync))]
    public async Task A_timeline_holds_only_its_own_messages_events_oldest_first_as_written()
    {
        var m1 = New("msg_1");
        var m2 = New("msg_2", createdAt: T0.AddSeconds(1));
        await Queue.EnqueueAsync(m1);
        await Queue.EnqueueAsync(m2);
        var first = (await Queue.ClaimAsync(T0.AddMinutes(1), max: 1)).Single();
        var deferred = Deferred(first, T0.AddMinutes(2), T0.AddMinutes(3));
        await Queue.CompleteAsync(first, deferred, None);
        var second = (await Queue.ClaimAsync(T0.AddMinutes(3))).First(j => j.Message.Id == "msg_1");
        var delivered = Delivered(second, T0.AddMinutes(4));
        await Queue.CompleteAsync(second, delivered, None);

        (await Store.GetTimelineAsync("msg_1", None)).ShouldBe([Accepted(m1), .. deferred.Events, .. delivered.Events]);
        (await Store.GetTimelineAsync("msg_2", None)).ShouldBe([Accepted(m2)]);
    }

    [Fact]
    [Covers(nameof(IMessageStore.ListByRecipientAsync))]
    public async Task Recipient_listing_pages_newest_first_across_pages_ignoring_case()
    {
        // Two messages share a creation time: the id breaks the tie, so no page repeats or skips one.
        string[] ids = ["msg_a", "msg_b", "msg_c", "msg_d", "msg_e"];
        DateTimeOffset[] created = [T0, T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(2), T0.AddSeconds(3)];
        for (var i = 0; i < ids.Length; i++)
        {
            await Queue.EnqueueAsync(New(ids[i], to: i % 2 == 0 ? "Alice@Example.TEST" : "alice@example.test", createdAt: created[i]));
        }

        await Queue.EnqueueAsync(New("msg_bob", to: "bob@example.test", createdAt: T0.AddSeconds(5)));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListByRecipientAsync("ALICE@example.test", 2, cursor, None);
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(m => m.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        seen.ShouldBe(["msg_e", "msg_d", "msg_c", "msg_b", "msg_a"]);
        pages.ShouldBe(3);
    }

    [Fact]
    [Covers(nameof(IMessageStore.ListByRecipientAsync))]
    public async Task Recipient_listing_of_exactly_one_page_has_no_next_cursor()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0.AddSeconds(1)));

        var page = await Store.ListByRecipientAsync("alice@example.test", 2, null, None);

        page.Items.Select(m => m.Id).ShouldBe(["msg_2", "msg_1"]);
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IMessageStore.ListByRecipientAsync))]
    public async Task Recipient_listing_of_an_unknown_address_is_empty()
    {
        await Queue.EnqueueAsync(New("msg_1"));

        var page = await Store.ListByRecipientAsync("nobody@example.test", 10, null, None);

        page.Items.ShouldBeEmpty();
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IMessageStore.FindByReturnPathAsync))]
    public async Task A_message_is_found_by_its_return_path_token()
    {
        var created = await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2"));

        (await Store.FindByReturnPathAsync("b-msg_1", None)).ShouldBeSameMessage(created);
        (await Store.FindByReturnPathAsync("b-unknown", None)).ShouldBeNull();
    }
}
