using Herald.Bounces;
using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Storage.Sqlite.Feedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

public sealed class SqliteFeedbackStoreTests : SqliteStoreTest
{
    private SqliteFeedbackStore Feedback => new(Database.Current!);

    private static LedgerUpdate<bool> Set(string address, Func<AddressLedger, AddressLedger> change, BlockHit? block = null,
        IReadOnlyList<DeliveryEvent>? events = null, List<string?>? incidents = null) =>
        new(address, (ledger, incident) =>
        {
            incidents?.Add(incident);
            var next = change(ledger);
            return (new LedgerDecision(next, [new LedgerEntry(address, T0, "suspended", "hard-bounce", "herald", "550 5.1.1", "msg_1")],
                [new FeedbackNotice("suppressed", address, T0, "msg_1", "hard-bounce", null)]), true);
        }, block, events ?? [], notices => notices.Select(n => new OutboxMessage(0, "evt_1", "app", n.Type, "{}", n.At, 0)).ToList());

    [Fact]
    public async Task A_ledger_change_its_history_its_message_events_and_outbox_rows_are_stored_together_and_read_back()
    {
        await Database.Current!.EnqueueAsync(New("msg_1"));
        var suspension = new Suspension(SuppressionReason.HardBounce, SuppressionSource.Policy, T0, null, "550 5.1.1 User unknown", "msg_1",
            Scenario.MailboxDoesNotExist, "does not exist");
        await Feedback.UpdateAsync(Set("Alice@Example.test", l => l with { Suspension = suspension },
            events: [new DeliveryEvent("msg_1", T0, EventType.Bounced, Reply: "550 5.1.1 User unknown")]), CancellationToken.None);

        var ledger = await Feedback.GetAsync("alice@example.test", CancellationToken.None);
        ledger.Suspension.ShouldBe(suspension);
        (await Feedback.HistoryAsync("ALICE@example.test", CancellationToken.None)).ShouldHaveSingleItem().Action.ShouldBe("suspended");
        (await Database.Current!.GetTimelineAsync("msg_1", CancellationToken.None)).Select(e => e.Type).ShouldBe([EventType.Accepted, EventType.Bounced]);
        (await Feedback.ListSuspendedAsync(10, null, CancellationToken.None)).ShouldHaveSingleItem().Address.ShouldBe("alice@example.test");
        (await Feedback.ClaimWebhooksAsync(new WebhookClaim("hooks", 10, T0, TimeSpan.FromMinutes(1)), CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Three_addresses_of_a_domain_with_the_same_block_within_the_window_share_one_incident()
    {
        var incidents = new List<string?>();
        BlockHit Hit(string address, DateTimeOffset at) => new("corp.example", "security-gateway-block|Mimecast|550|5.7.1", address, at, TimeSpan.FromHours(1), 3, "550 5.7.1 blocked");
        foreach (var (address, minutes) in new[] { ("a@corp.example", 0), ("b@corp.example", 10), ("a@corp.example", 20), ("c@corp.example", 30), ("d@corp.example", 40) })
        {
            await Feedback.UpdateAsync(Set(address, l => l, Hit(address, T0.AddMinutes(minutes)), incidents: incidents), CancellationToken.None);
        }

        incidents.Take(3).ShouldAllBe(i => i == null); // a, b, a again: two addresses only
        incidents.Skip(3).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();

        await Feedback.UpdateAsync(Set("e@corp.example", l => l, Hit("e@corp.example", T0.AddHours(5)), incidents: incidents), CancellationToken.None);
        incidents[^1].ShouldBeNull(); // hours later, alone: no incident
    }

    [Fact]
    public async Task The_replay_guard_remembers_across_a_reopen_forgets_on_request_and_takes_over_expired_ids()
    {
        var guard = new SqliteReplayGuard(Database.Current!);
        (await guard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), CancellationToken.None)).ShouldBeTrue();
        (await guard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), CancellationToken.None)).ShouldBeFalse();
        (await guard.TryRememberAsync("mailgun", "evt-1", T0.AddDays(7), CancellationToken.None)).ShouldBeTrue();

        await Database.CloseAsync();
        await Database.OpenStoreAsync();
        guard = new SqliteReplayGuard(Database.Current!);
        (await guard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), CancellationToken.None)).ShouldBeFalse();

        await guard.ForgetAsync("ses", "evt-1", CancellationToken.None);
        (await guard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), CancellationToken.None)).ShouldBeTrue();

        Database.Clock.Advance(TimeSpan.FromDays(8));
        (await guard.TryRememberAsync("ses", "evt-1", T0.AddDays(15), CancellationToken.None)).ShouldBeTrue();
    }
}
