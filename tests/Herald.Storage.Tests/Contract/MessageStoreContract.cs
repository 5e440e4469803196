using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="Herald.Core.Queue.IMessageStore"/> must answer (look-ups and recipient listing).</summary>
public abstract class MessageStoreContract : StoreContract
{
    [Fact]
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
    public async Task Recipient_listing_of_exactly_one_page_has_no_next_cursor()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0.AddSeconds(1)));

        var page = await Store.ListByRecipientAsync("alice@example.test", 2, null, None);

        page.Items.Select(m => m.Id).ShouldBe(["msg_2", "msg_1"]);
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Recipient_listing_of_an_unknown_address_is_empty()
    {
        await Queue.EnqueueAsync(New("msg_1"));

        var page = await Store.ListByRecipientAsync("nobody@example.test", 10, null, None);

        page.Items.ShouldBeEmpty();
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task A_message_is_found_by_its_return_path_token()
    {
        var created = await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2"));

        (await Store.FindByReturnPathAsync("b-msg_1", None)).ShouldBeSameMessage(created);
        (await Store.FindByReturnPathAsync("b-unknown", None)).ShouldBeNull();
    }
}
