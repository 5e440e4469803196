using Herald.Core.Feedback;
using static Herald.Storage.Tests.Contract.TestFeedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IFeedbackStore"/> must do for operators: list deliveries with attempts, dead letters, replay.</summary>
[ContractFor(typeof(IFeedbackStore))]
public abstract class WebhookDeliveriesContract : StoreContract
{
    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookAttemptedAsync), nameof(IFeedbackStore.WebhookDeliveriesAsync), nameof(IFeedbackStore.WebhookBacklogAsync))]
    public async Task A_failed_last_attempt_leaves_a_dead_letter_listed_with_every_attempt_and_never_claimed_again()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1"), None);
        var row = (await Feedback.ClaimWebhooksAsync(T0)).Single();
        await Attempt(row.Seq, T0, 500, "HTTP 500", T0.AddSeconds(5));
        row = (await Feedback.ClaimWebhooksAsync(T0.AddSeconds(5))).Single();
        await Attempt(row.Seq, T0.AddSeconds(5), null, "Connection refused", null);

        var dead = (await Feedback.WebhookDeliveriesAsync("app", WebhookDeliveryState.Dead, null, 10, None)).ShouldHaveSingleItem();

        (dead.Seq, dead.Id, dead.Endpoint, dead.Type, dead.CreatedAt, dead.State, dead.NextAttemptAt)
            .ShouldBe((row.Seq, "evt_1", "app", "address.suppressed", T0, WebhookDeliveryState.Dead, (DateTimeOffset?)null));
        dead.Attempts.ShouldBe([new WebhookAttempt(T0, false, 500, "HTTP 500"), new WebhookAttempt(T0.AddSeconds(5), false, null, "Connection refused")]);
        (await Feedback.WebhookDeliveriesAsync("app", WebhookDeliveryState.Pending, null, 10, None)).ShouldBeEmpty();
        (await Feedback.WebhookBacklogAsync(None)).ShouldBe([new WebhookBacklog("app", 0, 1)]);
        (await Feedback.ClaimWebhooksAsync(T0.AddDays(30))).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookDeliveriesAsync), nameof(IFeedbackStore.WebhookBacklogAsync))]
    public async Task Deliveries_come_latest_first_by_state_and_page_with_before()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1", "evt_2", "evt_3"), None);
        var first = (await Feedback.ClaimWebhooksAsync(T0, max: 1)).Single();
        await Attempt(first.Seq, T0.AddSeconds(1), 204, null, null, delivered: true);

        var all = await Feedback.WebhookDeliveriesAsync("app", null, null, 10, None);

        all.Select(d => d.Id).ShouldBe(["evt_3", "evt_2", "evt_1"]);
        all.Select(d => d.State).ShouldBe([WebhookDeliveryState.Pending, WebhookDeliveryState.Pending, WebhookDeliveryState.Delivered]);
        all[0].NextAttemptAt.ShouldBe(T0);
        all[2].Attempts.ShouldBe([new WebhookAttempt(T0.AddSeconds(1), true, 204, null)]);
        (await Feedback.WebhookDeliveriesAsync("app", null, all[0].Seq, 1, None)).Single().Id.ShouldBe("evt_2");
        (await Feedback.WebhookDeliveriesAsync("app", WebhookDeliveryState.Delivered, null, 10, None)).Single().Id.ShouldBe("evt_1");
        (await Feedback.WebhookDeliveriesAsync("other", null, null, 10, None)).ShouldBeEmpty();
        (await Feedback.WebhookBacklogAsync(None)).ShouldBe([new WebhookBacklog("app", 2, 0)]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.ReplayWebhooksAsync), nameof(IFeedbackStore.WebhookDeliveryAsync))]
    public async Task A_replayed_dead_letter_is_due_at_once_with_its_id_and_attempts_and_only_dead_letters_are_replayed()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_dead", "evt_pending"), None);
        var row = (await Feedback.ClaimWebhooksAsync(T0, max: 1)).Single();
        await Attempt(row.Seq, T0, 500, "HTTP 500", null);
        var pending = (await Feedback.WebhookDeliveriesAsync("app", WebhookDeliveryState.Pending, null, 10, None)).Single();

        (await Feedback.ReplayWebhooksAsync(new WebhookReplay("app", pending.Seq, T0.AddHours(1), null), None)).ShouldBe(0, "a pending row is not a dead letter");
        (await Feedback.ReplayWebhooksAsync(new WebhookReplay("other", row.Seq, T0.AddHours(1), null), None)).ShouldBe(0, "not that endpoint's row");
        (await Feedback.ReplayWebhooksAsync(new WebhookReplay("app", row.Seq, T0.AddHours(1), null), None)).ShouldBe(1);

        var replayed = (await Feedback.WebhookDeliveryAsync("app", row.Seq, None)).ShouldNotBeNull();
        replayed.State.ShouldBe(WebhookDeliveryState.Pending);
        replayed.NextAttemptAt.ShouldBe(T0.AddHours(1));
        replayed.Attempts.Count.ShouldBe(1);
        (await Feedback.WebhookDeliveryAsync("other", row.Seq, None)).ShouldBeNull();
        var claimed = await Feedback.ClaimWebhooksAsync(T0.AddHours(1), max: 5);
        claimed.Select(r => r.Id).ShouldBe(["evt_pending", "evt_dead"], "due since T0, then since the replay");
        claimed[1].Attempts.ShouldBe(1);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.ReplayWebhooksAsync))]
    public async Task Replaying_all_to_another_endpoint_moves_every_dead_letter_and_nothing_else()
    {
        await Feedback.UpdateAsync(Notify("a@example.test", T0, "evt_1", "evt_2", "evt_3"), None);
        foreach (var row in await Feedback.ClaimWebhooksAsync(T0, max: 2))
        {
            await Attempt(row.Seq, T0, 500, "HTTP 500", null);
        }

        (await Feedback.ReplayWebhooksAsync(new WebhookReplay("app", null, T0.AddMinutes(1), "backup"), None)).ShouldBe(2);

        var moved = await Feedback.WebhookDeliveriesAsync("backup", null, null, 10, None);
        moved.Select(d => d.Id).ShouldBe(["evt_2", "evt_1"]);
        moved.ShouldAllBe(d => d.State == WebhookDeliveryState.Pending && d.Attempts.Count == 1);
        (await Feedback.WebhookDeliveriesAsync("app", null, null, 10, None)).Select(d => d.Id).ShouldBe(["evt_3"]);
        (await Feedback.ClaimWebhooksAsync(T0.AddMinutes(1), max: 5)).Select(r => r.Endpoint).ShouldBe(["app", "backup", "backup"]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.WebhookDeliveriesForAddressAsync))]
    public async Task An_address_lists_the_deliveries_about_it_on_every_endpoint_latest_first_and_no_one_elses()
    {
        await Feedback.UpdateAsync(NotifyAbout("Ann+news@example.test", T0, "evt_1", "app", "crm"), None);
        await Feedback.UpdateAsync(NotifyAbout("bob@example.test", T0, "evt_2", "app"), None);
        await Feedback.UpdateAsync(NotifyAbout("ann+news@example.test", T0.AddMinutes(1), "evt_3", "app"), None);
        var first = (await Feedback.ClaimWebhooksAsync(T0, max: 1)).Single();
        await Attempt(first.Seq, T0.AddSeconds(1), 500, "HTTP 500", T0.AddMinutes(5));

        var mine = await Feedback.WebhookDeliveriesForAddressAsync("ANN+news@example.test", 10, None);

        mine.Select(d => (d.Id, d.Endpoint)).ShouldBe([("evt_3", "app"), ("evt_1", "crm"), ("evt_1", "app")]);
        mine[2].Attempts.ShouldBe([new WebhookAttempt(T0.AddSeconds(1), false, 500, "HTTP 500")]);
        mine[0].Attempts.ShouldBeEmpty();
        (await Feedback.WebhookDeliveriesForAddressAsync("ann+news@example.test", 1, None)).Single().Id.ShouldBe("evt_3");
        (await Feedback.WebhookDeliveriesForAddressAsync("carol@example.test", 10, None)).ShouldBeEmpty();
    }

    private async Task Attempt(long seq, DateTimeOffset at, int? code, string? error, DateTimeOffset? next, bool delivered = false) =>
        (await Feedback.WebhookAttemptedAsync(new WebhookAttemptRecord(seq, "hooks-1", new WebhookAttempt(at, delivered, code, error), next), None)).ShouldBeTrue();
}
