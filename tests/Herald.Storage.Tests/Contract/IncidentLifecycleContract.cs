using Herald.Core.Feedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>
/// The lifecycle of domain incidents as every <see cref="IFeedbackStore"/> applies it (<see cref="IncidentLifecycle"/>
/// decides, the store applies inside its transaction): opened once, closed once by a delivery or by the sweep, with one
/// outbox row per change, also when two nodes act at once.
/// </summary>
[ContractFor(typeof(IFeedbackStore))]
public abstract class IncidentLifecycleContract : StoreContract
{
    private const string Gateway = "security-gateway-block|Mimecast|550|5.7.1";
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync), nameof(IFeedbackStore.IncidentsAsync))]
    public async Task An_incident_opens_once_at_the_third_address_and_closes_once_on_a_delivery_to_its_domain()
    {
        var ids = new List<string?>();
        foreach (var (address, minutes) in new[] { ("a", 0), ("b", 10), ("c", 20), ("d", 30) })
        {
            ids.Add(await Feedback.UpdateAsync(Hit(address + "@corp.example", T0.AddMinutes(minutes)), None));
        }

        ids.Take(2).ShouldAllBe(i => i == null);
        var id = ids.Skip(2).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        (await Feedback.IncidentsAsync("corp.example", IncidentState.Open, 10, None)).ShouldHaveSingleItem().Addresses.ShouldBe(4);

        await Feedback.UpdateAsync(Delivered("z@corp.example", T0.AddMinutes(40)), None);
        await Feedback.UpdateAsync(Delivered("y@corp.example", T0.AddMinutes(50)), None);

        (await Feedback.IncidentsAsync("corp.example", IncidentState.Open, 10, None)).ShouldBeEmpty();
        var closed = (await Feedback.IncidentsAsync("corp.example", IncidentState.Closed, 10, None)).ShouldHaveSingleItem();
        (closed.Id, closed.State, closed.ClosedAt, closed.CloseReason).ShouldBe((id, IncidentState.Closed, T0.AddMinutes(40), IncidentCloseReason.Delivered));
        (await EventsAsync()).ShouldBe([$"incident.opened:{id}", $"incident.closed:{id}:delivered"]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync), nameof(IFeedbackStore.IncidentsAsync))]
    public async Task After_a_delivery_closed_it_only_new_hits_count_and_they_open_a_new_incident()
    {
        foreach (var (address, minutes) in new[] { ("a", 0), ("b", 1), ("c", 2) })
        {
            await Feedback.UpdateAsync(Hit(address + "@corp.example", T0.AddMinutes(minutes)), None);
        }

        await Feedback.UpdateAsync(Delivered("z@corp.example", T0.AddMinutes(5)), None);
        (await Feedback.UpdateAsync(Hit("d@corp.example", T0.AddMinutes(6)), None)).ShouldBeNull("a, b and c were the closed incident's evidence");
        (await Feedback.UpdateAsync(Hit("e@corp.example", T0.AddMinutes(7)), None)).ShouldBeNull();
        var second = (await Feedback.UpdateAsync(Hit("f@corp.example", T0.AddMinutes(8)), None)).ShouldNotBeNull();

        var all = await Feedback.IncidentsAsync("corp.example", null, 10, None);
        all.Select(i => (i.State, i.FirstAt)).ShouldBe([(IncidentState.Open, T0.AddMinutes(6)), (IncidentState.Closed, T0)]);
        all[0].Id.ShouldBe(second);
        (await EventsAsync()).ShouldBe([$"incident.opened:{all[1].Id}", $"incident.closed:{all[1].Id}:delivered", $"incident.opened:{second}"]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.CloseQuietIncidentsAsync), nameof(IFeedbackStore.IncidentsAsync))]
    public async Task The_sweep_closes_an_incident_quiet_for_the_window_once_even_when_two_nodes_sweep_at_once()
    {
        var other = await OpenNodeAsync("node-b");
        foreach (var (address, minutes) in new[] { ("a", 0), ("b", 10), ("c", 20) })
        {
            await Feedback.UpdateAsync(Hit(address + "@corp.example", T0.AddMinutes(minutes)), None);
        }

        (await Feedback.CloseQuietIncidentsAsync(Sweep(T0.AddMinutes(79)), None)).ShouldBe(0, "19 minutes short of the window");
        var closedBy = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? Feedback : other.Feedback).CloseQuietIncidentsAsync(Sweep(T0.AddMinutes(81)), None)));

        closedBy.Sum().ShouldBe(1);
        var closed = (await Feedback.IncidentsAsync(null, IncidentState.Closed, 10, None)).ShouldHaveSingleItem();
        (closed.ClosedAt, closed.CloseReason).ShouldBe((T0.AddMinutes(80), IncidentCloseReason.Quiet), "closed when the window passed, not when the sweep ran");
        (await Feedback.IncidentsAsync(null, IncidentState.Open, 10, None)).ShouldBeEmpty();
        (await EventsAsync()).ShouldBe([$"incident.opened:{closed.Id}", $"incident.closed:{closed.Id}:quiet"]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task A_hit_after_the_window_closes_the_quiet_incident_before_the_sweep_did()
    {
        foreach (var (address, minutes) in new[] { ("a", 0), ("b", 10), ("c", 20) })
        {
            await Feedback.UpdateAsync(Hit(address + "@corp.example", T0.AddMinutes(minutes)), None);
        }

        (await Feedback.UpdateAsync(Hit("d@corp.example", T0.AddHours(5)), None)).ShouldBeNull("hours later, alone: no incident");

        var closed = (await Feedback.IncidentsAsync("corp.example", null, 10, None)).ShouldHaveSingleItem();
        (closed.ClosedAt, closed.CloseReason).ShouldBe((T0.AddMinutes(80), IncidentCloseReason.Quiet));
        (await Feedback.CloseQuietIncidentsAsync(Sweep(T0.AddHours(6)), None)).ShouldBe(0);
        (await EventsAsync()).ShouldBe([$"incident.opened:{closed.Id}", $"incident.closed:{closed.Id}:quiet"]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.UpdateAsync))]
    public async Task Hits_and_deliveries_on_two_nodes_at_once_open_and_close_one_incident_once()
    {
        var other = await OpenNodeAsync("node-b");
        await Feedback.UpdateAsync(Hit("a@corp.example", T0), None);
        await Feedback.UpdateAsync(Hit("b@corp.example", T0), None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? Feedback : other.Feedback).UpdateAsync(Hit($"n{i}@corp.example", T0.AddMinutes(1)), None)));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? Feedback : other.Feedback).UpdateAsync(Delivered($"ok{i}@corp.example", T0.AddMinutes(2)), None)));

        var incident = (await Feedback.IncidentsAsync("corp.example", null, 10, None)).ShouldHaveSingleItem();
        incident.Addresses.ShouldBe(10);
        (await EventsAsync()).ShouldBe([$"incident.opened:{incident.Id}", $"incident.closed:{incident.Id}:delivered"]);
    }

    [Fact]
    [Covers(nameof(IFeedbackStore.GetWithDomainAsync))]
    public async Task A_ledger_is_read_with_whether_its_domain_has_an_open_incident_until_a_delivery_closes_it()
    {
        var fresh = await Feedback.GetWithDomainAsync("New@Corp.example", None);
        (fresh.Ledger.Address, fresh.Ledger.SoftFailures, fresh.DomainIncidentOpen).ShouldBe(("new@corp.example", 0, false));

        await Feedback.UpdateAsync(new LedgerUpdate<bool>("streak@corp.example",
            (ledger, _) => (LedgerDecision.Unchanged(ledger with { SoftFailures = 2, SoftFailuresSince = T0 }), true), null, [], _ => []), None);
        foreach (var (address, minutes) in new[] { ("a", 0), ("b", 10), ("c", 20) })
        {
            await Feedback.UpdateAsync(Hit(address + "@corp.example", T0.AddMinutes(minutes)), None);
        }

        var streak = await Feedback.GetWithDomainAsync("streak@corp.example", None);
        (streak.Ledger.SoftFailures, streak.DomainIncidentOpen).ShouldBe((2, true));
        (await Feedback.GetWithDomainAsync("z@CORP.EXAMPLE", None)).DomainIncidentOpen.ShouldBeTrue("the domain is compared case-insensitively");
        (await Feedback.GetWithDomainAsync("z@other.example", None)).DomainIncidentOpen.ShouldBeFalse();

        await Feedback.UpdateAsync(Delivered("z@corp.example", T0.AddMinutes(40)), None);
        (await Feedback.GetWithDomainAsync("z@corp.example", None)).DomainIncidentOpen.ShouldBeFalse("a closed incident is not open");
    }

    /// <summary>A block hit at corp.example (three addresses make an incident); the result is the incident it belongs to.</summary>
    private static LedgerUpdate<string?> Hit(string address, DateTimeOffset at) =>
        new LedgerUpdate<string?>(address, (ledger, incident) => (LedgerDecision.Unchanged(ledger), incident),
            new BlockHit("corp.example", Gateway, address, at, Window, 3, "550 5.7.1 blocked " + address), [], _ => [])
        { IncidentOutbox = Rows };

    private static LedgerUpdate<bool> Delivered(string address, DateTimeOffset at) =>
        new LedgerUpdate<bool>(address, (ledger, _) => (LedgerDecision.Unchanged(ledger), true), null, [], _ => [])
        {
            Delivery = new DomainDelivery("corp.example", at, Window),
            IncidentOutbox = Rows,
        };

    private static IncidentSweep Sweep(DateTimeOffset at) => new(at, Window, Rows);

    /// <summary>One outbox row per notice, its event id naming the change: "type:incident[:reason]".</summary>
    private static List<OutboxMessage> Rows(IReadOnlyList<IncidentNotice> notices) =>
        notices.Select(n => new OutboxMessage(0, n.Incident.CloseReason is { } r ? $"{n.Type}:{n.Incident.Id}:{r.ToWire()}" : $"{n.Type}:{n.Incident.Id}",
            "app", n.Type, "{}", n.At, 0)).ToList();

    /// <summary>Every outbox row written, oldest first.</summary>
    private async Task<List<string>> EventsAsync() =>
        (await Feedback.ClaimWebhooksAsync(new WebhookClaim("hooks", 100, T0.AddDays(30), TimeSpan.FromMinutes(1)), None)).Select(r => r.Id).ToList();
}
