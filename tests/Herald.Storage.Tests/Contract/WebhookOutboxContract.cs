using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using static Herald.Storage.Tests.Contract.TestFeedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IFeedbackStore"/> must do with the webhook outbox: claim under a lease, record attempts.</summary>
[ContractFor(typeof(IFeedbackStore))]
public abstract class WebhookOutboxContract : StoreContract
{
    [Fact]
    [Covers(nameof(IFeedbackStore.ClaimWebhooksAsync))]
    public async Task Claimed_rows_come_oldest_due_first_up_to_the_maximum_as_they_were_written()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0.AddSeconds(2), "evt_late"), None);
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_first", "evt_second"), None);

        var rows = await Feedback.ClaimWebhooksAsync(T0.AddMinutes(1), max: 2);

        rows.Select(r => r.Id).ShouldBe(["evt_first", "evt_second"]);
        var row = rows[0];
        row.ShouldBe(Row("evt_first", T0) with { Seq = row.Seq });
        rows[1].Seq.ShouldNotBe(row.Seq);
        (await Feedback.ClaimWebhooksAsync(T0.AddMinutes(1))).ShouldHaveSingleItem().Id.ShouldBe("evt_late");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.ClaimWebhooksAsync))]
    public async Task A_row_is_not_claimed_before_it_is_due()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1"), None);

        (await Feedback.ClaimWebhooksAsync(T0.AddMilliseconds(-1))).ShouldBeEmpty();
        (await Feedback.ClaimWebhooksAsync(T0)).ShouldHaveSingleItem();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.ClaimWebhooksAsync))]
    public async Task Two_nodes_claiming_at_once_never_get_the_same_row()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"evt_{i:D2}").ToArray();
        await Feedback.UpdateAsync(Notify("a@example.test", T0, ids), None);
        var other = await OpenNodeAsync("node-b");

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? Feedback : other.Feedback).ClaimWebhooksAsync(T0.AddMinutes(1), owner: $"hooks-{i}", max: 5)));

        var claimed = claims.SelectMany(c => c).Select(r => r.Seq).ToList();
        claimed.Count.ShouldBe(30);
        claimed.Distinct().Count().ShouldBe(30);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.ClaimWebhooksAsync), nameof(IFeedbackStore.WebhookAttemptedAsync))]
    public async Task A_claimed_row_goes_to_no_other_claimer_until_its_lease_ends_then_only_the_new_claimer_records_the_attempt()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1"), None);
        var first = (await Feedback.ClaimWebhooksAsync(T0, owner: "hooks-a", lease: TimeSpan.FromMinutes(1))).Single();

        (await Feedback.ClaimWebhooksAsync(T0.AddSeconds(59), owner: "hooks-b")).ShouldBeEmpty();
        var again = (await Feedback.ClaimWebhooksAsync(T0.AddMinutes(1), owner: "hooks-b")).ShouldHaveSingleItem();

        again.Seq.ShouldBe(first.Seq);
        (await Feedback.WebhookAttemptedAsync(first.Seq, "hooks-a", true, null, null, None)).ShouldBeFalse("hooks-a's claim expired");
        (await Feedback.WebhookAttemptedAsync(again.Seq, "hooks-b", true, null, null, None)).ShouldBeTrue();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookAttemptedAsync))]
    public async Task A_delivered_row_is_released_and_never_claimed_again()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1"), None);
        var row = (await Feedback.ClaimWebhooksAsync(T0)).Single();

        (await Feedback.WebhookAttemptedAsync(row.Seq, "hooks-1", true, null, null, None)).ShouldBeTrue();

        (await Feedback.WebhookAttemptedAsync(row.Seq, "hooks-1", true, null, null, None)).ShouldBeFalse("the attempt is already recorded");
        (await Feedback.ClaimWebhooksAsync(T0.AddDays(30))).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookAttemptedAsync))]
    public async Task A_failed_attempt_releases_the_row_until_its_next_attempt_time_and_is_counted()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1"), None);
        var row = (await Feedback.ClaimWebhooksAsync(T0, lease: TimeSpan.FromHours(1))).Single();

        (await Feedback.WebhookAttemptedAsync(row.Seq, "hooks-1", false, T0.AddMinutes(5), "HTTP 503", None)).ShouldBeTrue();

        (await Feedback.ClaimWebhooksAsync(T0.AddMinutes(5).AddMilliseconds(-1), owner: "hooks-2")).ShouldBeEmpty();
        var retry = (await Feedback.ClaimWebhooksAsync(T0.AddMinutes(5), owner: "hooks-2")).ShouldHaveSingleItem("the hour-long lease ended with the attempt");
        retry.Seq.ShouldBe(row.Seq);
        retry.Attempts.ShouldBe(1);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookAttemptedAsync))]
    public async Task A_row_given_up_is_never_claimed_again()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1"), None);
        var row = (await Feedback.ClaimWebhooksAsync(T0)).Single();

        (await Feedback.WebhookAttemptedAsync(row.Seq, "hooks-1", false, null, "HTTP 410", None)).ShouldBeTrue();

        (await Feedback.ClaimWebhooksAsync(T0.AddDays(30))).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookAttemptedAsync))]
    public async Task An_attempt_by_an_owner_that_does_not_hold_the_row_changes_nothing()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1", "evt_2"), None);
        var row = (await Feedback.ClaimWebhooksAsync(T0, owner: "hooks-a", max: 1)).Single();
        var unclaimed = (await Feedback.ClaimWebhooksAsync(T0, owner: "hooks-a")).Single();
        await Feedback.WebhookAttemptedAsync(unclaimed.Seq, "hooks-a", false, T0, "HTTP 503", None);

        (await Feedback.WebhookAttemptedAsync(row.Seq, "hooks-b", true, null, null, None)).ShouldBeFalse();
        (await Feedback.WebhookAttemptedAsync(unclaimed.Seq, "hooks-a", true, null, null, None)).ShouldBeFalse("nobody holds a released row");

        (await Feedback.ClaimWebhooksAsync(T0, owner: "hooks-b")).Select(r => r.Seq).ShouldBe([unclaimed.Seq]);
        (await Feedback.WebhookAttemptedAsync(row.Seq, "hooks-a", true, null, null, None)).ShouldBeTrue("hooks-a still holds its row");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.EnqueueSuppressedAsync))]
    public async Task A_message_suppressed_at_submission_is_final_with_its_secrets_gone_its_events_and_outbox_rows_written()
    {
        var m = New("msg_s", dataJson: """{"name":"Alice","link":"https://secret"}""", secretFields: ["link"]);
        var suppressed = new DeliveryEvent(m.Id, T0, EventType.Suppressed, Detail: "suspended");

        var result = await Feedback.EnqueueSuppressedAsync(m, Accepted(m), suppressed, T0.AddDays(-1), [Row("evt_s", T0)], None);

        result.ShouldBeOfType<EnqueueResult.Created>().Message.Status.ShouldBe(MessageStatus.Suppressed);
        var stored = (await Store.GetAsync("msg_s", None))!;
        stored.Status.ShouldBe(MessageStatus.Suppressed);
        stored.DataJson.ShouldBe("""{"name":"Alice"}""");
        (await Store.GetTimelineAsync("msg_s", None)).ShouldBe([Accepted(m), suppressed]);
        (await Feedback.ClaimWebhooksAsync(T0)).ShouldHaveSingleItem().Id.ShouldBe("evt_s");
        (await Queue.ClaimAsync(T0.AddDays(1))).ShouldBeEmpty("a suppressed message is never sent");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.EnqueueSuppressedAsync))]
    public async Task A_suppressed_submission_repeating_an_idempotency_key_is_a_duplicate_and_writes_nothing()
    {
        var first = await Queue.EnqueueAsync(New("msg_1", idempotencyKey: "k1"));
        var again = New("msg_2", idempotencyKey: "k1", createdAt: T0.AddMinutes(1));

        var result = await Feedback.EnqueueSuppressedAsync(again, Accepted(again), new DeliveryEvent("msg_2", again.CreatedAt, EventType.Suppressed),
            T0.AddDays(-1), [Row("evt_2", again.CreatedAt)], None);

        result.ShouldBeOfType<EnqueueResult.Duplicate>().Existing.ShouldBeSameMessage(first);
        (await Store.GetAsync("msg_2", None)).ShouldBeNull();
        (await Feedback.ClaimWebhooksAsync(T0.AddDays(1))).ShouldBeEmpty();
    }
}
