using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every store's retention must do, with a fake clock: rows past their age go, the rest stays.</summary>
[ContractFor(typeof(IStoreMaintenance))]
public abstract class StoreMaintenanceContract : StoreContract
{
    private static readonly RetentionOptions Retention = new();

    [Fact]
    [Covers(nameof(IStoreMaintenance.PruneAsync))]
    public async Task A_final_message_past_its_age_goes_with_its_timeline_and_one_inside_it_stays()
    {
        var old = await DeliverAsync(New("msg_old", createdAt: T0));
        var young = await DeliverAsync(New("msg_young", createdAt: T0.AddDays(20)));

        var batch = await Maintenance.PruneAsync(Retention.CutoffsAt(T0.AddDays(31)), 100, None);

        batch.Removed["messages"].ShouldBe(1);
        (await Store.GetAsync(old, None)).ShouldBeNull();
        (await Store.GetTimelineAsync(old, None)).ShouldBeEmpty();
        (await Store.GetAsync(young, None)).ShouldNotBeNull();
        (await Store.GetTimelineAsync(young, None)).Count.ShouldBe(3);
    }

    [Fact]
    [Covers(nameof(IStoreMaintenance.PruneAsync))]
    public async Task A_message_still_being_delivered_is_never_pruned_however_old()
    {
        await Queue.EnqueueAsync(New("msg_waiting", createdAt: T0));

        await Maintenance.PruneAsync(Retention.CutoffsAt(T0.AddYears(3)), 100, None);

        (await Store.GetAsync("msg_waiting", None)).ShouldNotBeNull();
    }

    [Fact]
    [Covers(nameof(IStoreMaintenance.PruneAsync))]
    public async Task A_suppression_in_force_stays_however_old_and_an_ended_one_goes_with_its_history()
    {
        await Feedback.UpdateAsync(TestFeedback.Change("kept@example.test", T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);
        await Feedback.UpdateAsync(TestFeedback.Change("ended@example.test", T0, l => l with { Suspension = TestFeedback.HardBounce(T0, T0.AddDays(30)) }), None);

        await Maintenance.PruneAsync(Retention.CutoffsAt(T0.AddYears(3)), 100, None);

        (await Feedback.GetAsync("kept@example.test", None)).SuspensionAt(T0.AddYears(3)).ShouldNotBeNull();
        (await Feedback.GetAsync("ended@example.test", None)).Suspension.ShouldBeNull();
        (await Feedback.HistoryAsync("ended@example.test", None)).ShouldBeEmpty();
        (await Feedback.HistoryAsync("kept@example.test", None)).ShouldBeEmpty("history has its own age; the suspension keeps its evidence");
    }

    [Fact]
    [Covers(nameof(IStoreMaintenance.PruneAsync))]
    public async Task History_inside_its_age_stays()
    {
        await Feedback.UpdateAsync(TestFeedback.Change("a@example.test", T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);

        await Maintenance.PruneAsync(Retention.CutoffsAt(T0.AddDays(700)), 100, None);

        (await Feedback.HistoryAsync("a@example.test", None)).Count.ShouldBe(1);
    }

    [Fact]
    [Covers(nameof(IStoreMaintenance.PruneAsync))]
    public async Task A_batch_removes_at_most_the_limit_of_each_kind_and_says_when_more_remain()
    {
        for (var i = 0; i < 5; i++)
        {
            await DeliverAsync(New($"msg_{i}", createdAt: T0.AddMinutes(i)));
        }

        var cutoffs = Retention.CutoffsAt(T0.AddDays(40));
        var first = await Maintenance.PruneAsync(cutoffs, 2, None);
        var second = await Maintenance.PruneAsync(cutoffs, 2, None);
        var third = await Maintenance.PruneAsync(cutoffs, 2, None);
        var fourth = await Maintenance.PruneAsync(cutoffs, 2, None);

        new[] { first, second, third, fourth }.Select(b => b.Removed["messages"]).ShouldBe([2, 2, 1, 0]);
        first.MoreThan(2).ShouldBeTrue();
        fourth.MoreThan(2).ShouldBeFalse();
        (await Store.GetAsync("msg_0", None)).ShouldBeNull("oldest first");
    }

    [Fact]
    [Covers(nameof(IStoreMaintenance.PruneAsync), nameof(IStoreMaintenance.ReclaimAsync))]
    public async Task Space_given_back_after_pruning_loses_no_row_still_kept()
    {
        for (var i = 0; i < 300; i++)
        {
            await DeliverAsync(New($"msg_{i:D3}", createdAt: T0, dataJson: $$"""{"name":"{{new string('x', 2000)}}"}"""));
        }

        var kept = await DeliverAsync(New("msg_kept", createdAt: T0.AddDays(40), dataJson: $$"""{"name":"{{new string('y', 2000)}}"}"""));
        while ((await Maintenance.PruneAsync(Retention.CutoffsAt(T0.AddDays(41)), 100, None)).Total > 0)
        {
        }

        var released = await Maintenance.ReclaimAsync(None);

        released.ShouldBeGreaterThanOrEqualTo(0);
        (await Store.GetAsync(kept, None)).ShouldNotBeNull().DataJson.ShouldNotBeNull().Length.ShouldBeGreaterThan(2000);
    }

    [Fact]
    [Covers(nameof(IStoreMaintenance.InventoryAsync))]
    public async Task The_inventory_counts_rows_and_dates_the_oldest()
    {
        await Queue.EnqueueAsync(New("msg_1", createdAt: T0.AddHours(1)));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0));

        var inventory = await Maintenance.InventoryAsync(None);

        inventory.Bytes.ShouldBeGreaterThan(0);
        var messages = inventory.Tables.Single(t => t.Table == "messages");
        messages.Rows.ShouldBe(2);
        messages.Oldest.ShouldBe(T0);
        inventory.Tables.Single(t => t.Table == "events").Rows.ShouldBe(2);
    }

    private async Task<string> DeliverAsync(Herald.Core.Messages.NewMessage message)
    {
        await Queue.EnqueueAsync(message);
        var job = (await Queue.ClaimAsync(message.CreatedAt)).Single(j => j.Message.Id == message.Id);
        (await Queue.CompleteAsync(job, Delivered(job, message.CreatedAt.AddSeconds(1)), None)).Applied.ShouldBeTrue();
        return message.Id;
    }
}
