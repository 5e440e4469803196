using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using static Herald.Storage.Tests.Contract.TestFeedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IFeedbackStore"/> must do with the suppression ledger, its history and domain incidents.</summary>
[ContractFor(typeof(IFeedbackStore))]
public abstract class FeedbackStoreContract : StoreContract
{
    [Fact]
    [Covers(nameof(IFeedbackStore.GetAsync))]
    public async Task An_address_Herald_knows_nothing_of_has_an_empty_ledger()
    {
        await Feedback.UpdateAsync(Change("other@example.test", T0, l => l with { SoftFailures = 1 }), None);

        var ledger = await Feedback.GetAsync("Ana@Example.test", None);

        ledger.Address.ShouldBe("ana@example.test");
        ledger.Suspension.ShouldBeNull();
        ledger.Problem.ShouldBeNull();
        ledger.SoftFailures.ShouldBe(0);
        ledger.AutoReplies.ShouldBeEmpty();
        ledger.Unblocks.ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync), nameof(IFeedbackStore.GetAsync))]
    public async Task An_update_sees_the_current_ledger_and_its_result_reads_back_ignoring_case()
    {
        var suspension = HardBounce(T0, T0.AddDays(30));
        var seen = await Feedback.UpdateAsync(Change("Ana@Example.test", T0, l => l with
        {
            Suspension = suspension,
            SoftFailures = 2,
            SoftFailuresSince = T0,
            Unblocks = [T0.AddHours(-1)],
        }), None);
        seen.Suspension.ShouldBeNull("the first update sees an empty ledger");

        var ledger = await Feedback.GetAsync("ANA@example.test", None);
        ledger.Suspension.ShouldBe(suspension);
        (ledger.SoftFailures, ledger.SoftFailuresSince).ShouldBe((2, T0));
        ledger.Unblocks.ShouldBe([T0.AddHours(-1)]);

        var next = await Feedback.UpdateAsync(Change("ana@example.test", T0.AddMinutes(1), l => l with { Suspension = null }), None);
        next.Suspension.ShouldBe(suspension);
        (await Feedback.GetAsync("ana@example.test", None)).Suspension.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task A_ledger_change_its_history_its_message_events_and_outbox_rows_are_stored_together()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var bounced = new DeliveryEvent("msg_1", T0.AddMinutes(1), EventType.Bounced, Reply: "550 5.1.1 User unknown");
        var update = new LedgerUpdate<bool>("alice@example.test",
            (ledger, _) => (new LedgerDecision(ledger with { Suspension = HardBounce(T0) },
                [new LedgerEntry("alice@example.test", T0.AddMinutes(1), "suspended", "hard-bounce", "herald", "550 5.1.1", "msg_1")],
                [new FeedbackNotice("suppressed", "alice@example.test", T0.AddMinutes(1), "msg_1", "hard-bounce", null)]), true),
            null, [bounced], notices => notices.Select(n => Row("evt_" + n.Type, n.At)).ToList());

        (await Feedback.UpdateAsync(update, None)).ShouldBeTrue();

        (await Feedback.GetAsync("alice@example.test", None)).Suspension.ShouldBe(HardBounce(T0));
        (await Feedback.HistoryAsync("alice@example.test", None)).ShouldHaveSingleItem().Action.ShouldBe("suspended");
        (await Store.GetTimelineAsync("msg_1", None)).Select(e => e.Type).ShouldBe([EventType.Accepted, EventType.Bounced]);
        (await Feedback.ClaimWebhooksAsync(T0.AddMinutes(1))).ShouldHaveSingleItem().Id.ShouldBe("evt_suppressed");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync), nameof(IFeedbackStore.HistoryAsync), nameof(IFeedbackStore.IncidentsAsync))]
    public async Task Remote_text_holding_a_NUL_is_stored_with_the_change_it_explains_not_refused()
    {
        // What a remote server wrote (a bounce's diagnostic, a block's sample) may hold a NUL: kept as written, or with
        // U+FFFD in its place where the store cannot hold it (PostgreSQL), never a refused change.
        const string reply = "550 5.7.1 blocked\0 by policy";
        await Queue.EnqueueAsync(New("msg_1"));
        var bounced = new DeliveryEvent("msg_1", T0.AddMinutes(1), EventType.Bounced, Reply: reply, Detail: reply);
        var update = new LedgerUpdate<bool>("alice@corp.example",
            (ledger, _) => (new LedgerDecision(ledger, [new LedgerEntry("alice@corp.example", T0.AddMinutes(1), "problem", "policy", "herald", reply, "msg_1")], []), true),
            new BlockHit("corp.example", "security-gateway-block|Mimecast|550|5.7.1", "alice@corp.example", T0.AddMinutes(1), TimeSpan.FromHours(1), 1, reply),
            [bounced], _ => []);

        (await Feedback.UpdateAsync(update, None)).ShouldBeTrue();

        AsWritten((await Feedback.HistoryAsync("alice@corp.example", None)).ShouldHaveSingleItem().Detail).ShouldBe(reply);
        var stored = (await Store.GetTimelineAsync("msg_1", None))[^1];
        (AsWritten(stored.Reply), AsWritten(stored.Detail)).ShouldBe((reply, reply));
        AsWritten((await Feedback.IncidentsAsync("corp.example", IncidentState.Open, 10, None)).ShouldHaveSingleItem().Sample).ShouldBe(reply);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task An_update_corrects_a_messages_status_only_while_it_is_in_one_of_the_named_statuses()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0.AddSeconds(1)));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1), max: 1)).Single();
        await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2)), None);
        LedgerUpdate<AddressLedger> LateBounce(string id) => Change("alice@example.test", T0.AddHours(1), l => l) with
        {
            StatusChange = new MessageStatusChange(id, [MessageStatus.Delivered], MessageStatus.Bounced),
        };
        Clock.SetUtcNow(T0.AddHours(1));

        await Feedback.UpdateAsync(LateBounce("msg_1"), None);
        await Feedback.UpdateAsync(LateBounce("msg_2"), None);

        var bounced = (await Store.GetAsync("msg_1", None))!;
        (bounced.Status, bounced.UpdatedAt).ShouldBe((MessageStatus.Bounced, T0.AddHours(1)));
        (await Store.GetAsync("msg_2", None))!.Status.ShouldBe(MessageStatus.Queued, "a message not in a named status is left alone");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task A_bounce_reported_while_the_attempt_is_in_flight_wins_when_the_attempt_commits_delivered()
    {
        // The race the simulator found: the DSN reaches the listener before the attempt's 250 is stored.
        await Queue.EnqueueAsync(New("msg_1"));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1), max: 1)).Single();
        Clock.SetUtcNow(T0.AddMinutes(2));

        await Feedback.UpdateAsync(Reported("msg_1", MessageStatus.Bounced, T0.AddMinutes(2)), None);
        (await Store.GetAsync("msg_1", None))!.Status.ShouldBe(MessageStatus.Queued, "the lease owner still decides while it is in flight");
        (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(3)), None)).Applied.ShouldBeTrue();

        (await Store.GetAsync("msg_1", None))!.Status.ShouldBe(MessageStatus.Bounced);
        (await Store.GetTimelineAsync("msg_1", None)).Select(e => e.Type)
            .ShouldBe([EventType.Accepted, EventType.Bounced, EventType.Attempt, EventType.Delivered]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task A_report_kept_for_an_attempt_in_flight_never_changes_another_outcome_and_a_complaint_outranks_a_bounce()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        await Queue.EnqueueAsync(New("msg_2", createdAt: T0.AddSeconds(1)));
        var jobs = await Queue.ClaimAsync(T0.AddMinutes(1), max: 2);
        Clock.SetUtcNow(T0.AddMinutes(2));

        await Feedback.UpdateAsync(Reported("msg_1", MessageStatus.Bounced, T0.AddMinutes(2)), None);
        await Feedback.UpdateAsync(Reported("msg_2", MessageStatus.Complained, T0.AddMinutes(2)), None);
        await Feedback.UpdateAsync(Reported("msg_2", MessageStatus.Bounced, T0.AddMinutes(2)), None);
        var first = jobs.Single(j => j.Message.Id == "msg_1");
        var second = jobs.Single(j => j.Message.Id == "msg_2");
        await Queue.CompleteAsync(first, Deferred(first, T0.AddMinutes(3), T0.AddMinutes(10)), None);
        await Queue.CompleteAsync(second, Delivered(second, T0.AddMinutes(3)), None);

        (await Store.GetAsync("msg_1", None))!.Status.ShouldBe(MessageStatus.Deferred, "a report replaces only a delivery");
        (await Store.GetAsync("msg_2", None))!.Status.ShouldBe(MessageStatus.Complained, "the later bounce does not undo the complaint");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task An_update_whose_decision_fails_writes_nothing_at_all()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var hit = new BlockHit("corp.example", "gateway|550", "alice@corp.example", T0, TimeSpan.FromHours(1), 1, "550 blocked");
        var failing = new LedgerUpdate<bool>("alice@corp.example", (_, _) => throw new InvalidOperationException("policy bug"), hit,
            [new DeliveryEvent("msg_1", T0, EventType.Bounced)], _ => [Row("evt_1", T0)]);

        await Should.ThrowAsync<InvalidOperationException>(Feedback.UpdateAsync(failing, None));

        (await Feedback.IncidentsAsync(null, null, 10, None)).ShouldBeEmpty("the block hit was rolled back with the decision");
        (await Feedback.HistoryAsync("alice@corp.example", None)).ShouldBeEmpty();
        (await Store.GetTimelineAsync("msg_1", None)).ShouldHaveSingleItem().Type.ShouldBe(EventType.Accepted);
        (await Feedback.ClaimWebhooksAsync(T0)).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task Concurrent_updates_of_one_address_from_two_nodes_never_interleave()
    {
        var other = await OpenNodeAsync("node-b");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? Feedback : other.Feedback).UpdateAsync(Change("a@example.test", T0, l => l with { SoftFailures = l.SoftFailures + 1 }), None)));

        (await Feedback.GetAsync("a@example.test", None)).SoftFailures.ShouldBe(20);
        (await Feedback.HistoryAsync("a@example.test", None)).Count.ShouldBe(20);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.HistoryAsync))]
    public async Task History_lists_one_addresss_entries_oldest_first_ignoring_case()
    {
        await Feedback.UpdateAsync(Change("Ana@example.test", T0, l => l, action: "soft-failure"), None);
        await Feedback.UpdateAsync(Change("bob@example.test", T0.AddMinutes(1), l => l, action: "suspended"), None);
        await Feedback.UpdateAsync(Change("ana@example.test", T0.AddMinutes(2), l => l, action: "suspended"), None);
        await Feedback.UpdateAsync(Change("ANA@example.test", T0.AddMinutes(3), l => l, action: "lifted"), None);

        var history = await Feedback.HistoryAsync("ana@EXAMPLE.test", None);

        history.Select(e => (e.Time, e.Action)).ShouldBe([(T0, "soft-failure"), (T0.AddMinutes(2), "suspended"), (T0.AddMinutes(3), "lifted")]);
        history[0].ShouldBe(new LedgerEntry("ana@example.test", T0, "soft-failure", "hard-bounce", "herald", "550 5.1.1 User unknown", "msg_1"));
        (await Feedback.HistoryAsync("nobody@example.test", None)).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.ListSuspendedAsync))]
    public async Task Suspended_addresses_are_listed_in_address_order_page_by_page_expired_ones_included()
    {
        foreach (var address in new[] { "c@example.test", "A@example.test", "b@example.test", "d@example.test" })
        {
            await Feedback.UpdateAsync(Change(address, T0, l => l with { Suspension = HardBounce(T0) }), None);
        }

        await Feedback.UpdateAsync(Change("e@example.test", T0, l => l with { Suspension = HardBounce(T0, T0.AddDays(-1)) }), None);
        await Feedback.UpdateAsync(Change("d@example.test", T0, l => l with { Suspension = null }), None);
        await Feedback.UpdateAsync(Change("f@example.test", T0, l => l with { SoftFailures = 3 }), None);

        (await Feedback.ListSuspendedAsync(2, null, None)).Select(l => l.Address).ShouldBe(["a@example.test", "b@example.test"]);
        (await Feedback.ListSuspendedAsync(2, "B@example.test", None)).Select(l => l.Address).ShouldBe(["c@example.test", "e@example.test"]);
        (await Feedback.ListSuspendedAsync(2, "e@example.test", None)).ShouldBeEmpty();
        (await Feedback.ListSuspendedAsync(10, null, None))[0].Suspension.ShouldBe(HardBounce(T0));
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync), nameof(IFeedbackStore.IncidentsAsync))]
    public async Task Three_addresses_of_a_domain_with_the_same_block_within_the_window_share_one_incident()
    {
        var incidents = new List<string?>();
        BlockHit Hit(string address, DateTimeOffset at) =>
            new("corp.example", "security-gateway-block|Mimecast|550|5.7.1", address, at, TimeSpan.FromHours(1), 3, "550 5.7.1 blocked " + address);
        foreach (var (address, minutes) in new[] { ("a@corp.example", 0), ("b@corp.example", 10), ("a@corp.example", 20), ("c@corp.example", 30), ("d@corp.example", 40) })
        {
            var at = T0.AddMinutes(minutes);
            await Feedback.UpdateAsync(Change(address, at, l => l, block: Hit(address, at), incident: incidents.Add), None);
        }

        incidents.Take(3).ShouldAllBe(i => i == null, "a, b, a again: two addresses only");
        var id = incidents.Skip(3).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        (await Feedback.IncidentsAsync("corp.example", null, 10, None)).ShouldHaveSingleItem().ShouldBe(new DomainIncident(
            id, "corp.example", "security-gateway-block|Mimecast|550|5.7.1", T0, T0.AddMinutes(40), 4, "550 5.7.1 blocked d@corp.example"));

        var late = T0.AddHours(5);
        await Feedback.UpdateAsync(Change("e@corp.example", late, l => l, block: Hit("e@corp.example", late), incident: incidents.Add), None);
        incidents[^1].ShouldBeNull("hours later, alone: no incident");
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.IncidentsAsync))]
    public async Task Incidents_come_latest_first_optionally_of_one_domain_up_to_the_limit()
    {
        async Task Open(string domain, string signature, DateTimeOffset at) =>
            await Feedback.UpdateAsync(Change("x@" + domain, at, l => l,
                block: new BlockHit(domain, signature, "x@" + domain, at, TimeSpan.FromHours(1), 1, signature)), None);
        await Open("corp.example", "first", T0);
        await Open("other.example", "other", T0.AddHours(2));
        await Open("corp.example", "second", T0.AddHours(4));

        (await Feedback.IncidentsAsync(null, null, 10, None)).Select(i => i.Signature).ShouldBe(["second", "other", "first"]);
        (await Feedback.IncidentsAsync("CORP.example", null, 10, None)).Select(i => i.Signature).ShouldBe(["second", "first"]);
        (await Feedback.IncidentsAsync(null, null, 1, None)).Select(i => i.Signature).ShouldBe(["second"]);
        (await Feedback.IncidentsAsync("none.example", null, 10, None)).ShouldBeEmpty();
    }

    private static LedgerUpdate<AddressLedger> Reported(string id, MessageStatus status, DateTimeOffset at)
    {
        var report = new DeliveryEvent(id, at, status == MessageStatus.Bounced ? EventType.Bounced : EventType.Complained);
        return Change("alice@example.test", at, l => l, events: [report]) with { StatusChange = MessageStatusChange.Reported(id, status) };
    }
}
