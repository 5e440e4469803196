using Herald.Core.Feedback;

namespace Herald.Core.Tests.Feedback;

public sealed class IncidentLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private static BlockHit At(DateTimeOffset at, string address = "c@corp.example") =>
        new("corp.example", "security-gateway-block|Mimecast|550|5.7.1", address, at, Window, 3, "550 5.7.1 blocked " + address);

    private static DomainIncident Open(DateTimeOffset lastAt) =>
        new("inc_1", "corp.example", "security-gateway-block|Mimecast|550|5.7.1", T0, lastAt, 3, "550 5.7.1 blocked");

    [Fact]
    public void Too_few_addresses_open_nothing_and_the_minimum_opens_one_incident_with_one_opened_notice()
    {
        var few = IncidentLifecycle.Hit(null, At(T0.AddMinutes(20)), 2, T0, "inc_new");
        (few.IncidentId, few.Writes.Count, few.Notices.Count).ShouldBe((null, 0, 0));

        var step = IncidentLifecycle.Hit(null, At(T0.AddMinutes(20)), 3, T0, "inc_new");

        step.IncidentId.ShouldBe("inc_new");
        var opened = step.Writes.ShouldHaveSingleItem();
        opened.ShouldBe(new DomainIncident("inc_new", "corp.example", "security-gateway-block|Mimecast|550|5.7.1", T0, T0.AddMinutes(20), 3,
            "550 5.7.1 blocked c@corp.example"));
        step.Notices.ShouldBe([new IncidentNotice(IncidentLifecycle.Opened, T0.AddMinutes(20), opened)]);
    }

    [Fact]
    public void A_hit_while_open_joins_the_incident_without_a_notice_whatever_the_count()
    {
        var step = IncidentLifecycle.Hit(Open(T0.AddMinutes(20)), At(T0.AddMinutes(50), "d@corp.example"), 1, T0.AddMinutes(50), "inc_new");

        step.IncidentId.ShouldBe("inc_1");
        var joined = step.Writes.ShouldHaveSingleItem();
        (joined.LastAt, joined.Addresses, joined.Sample, joined.State).ShouldBe((T0.AddMinutes(50), 3, "550 5.7.1 blocked d@corp.example", IncidentState.Open));
        step.Notices.ShouldBeEmpty();
    }

    [Fact]
    public void A_hit_after_the_window_closes_the_quiet_incident_where_the_window_ended_and_may_open_a_new_one()
    {
        var step = IncidentLifecycle.Hit(Open(T0.AddMinutes(20)), At(T0.AddHours(3)), 3, T0.AddHours(2.5), "inc_new");

        step.IncidentId.ShouldBe("inc_new");
        step.Notices.Select(n => (n.Type, n.At, n.Incident.Id, n.Incident.CloseReason)).ShouldBe([
            (IncidentLifecycle.Closed, T0.AddMinutes(80), "inc_1", (IncidentCloseReason?)IncidentCloseReason.Quiet),
            (IncidentLifecycle.Opened, T0.AddHours(3), "inc_new", null),
        ]);
    }

    [Fact]
    public void A_delivery_after_the_last_hit_closes_as_delivered_and_one_before_it_leaves_the_incident_open()
    {
        var open = Open(T0.AddMinutes(20));

        IncidentLifecycle.Delivered([open], new DomainDelivery("corp.example", T0.AddMinutes(10), Window)).Writes.ShouldBeEmpty(
            "delivered before the last hit (a late report): the block held after it");
        var step = IncidentLifecycle.Delivered([open], new DomainDelivery("corp.example", T0.AddMinutes(30), Window));

        var closed = step.Writes.ShouldHaveSingleItem();
        (closed.State, closed.ClosedAt, closed.CloseReason).ShouldBe((IncidentState.Closed, T0.AddMinutes(30), IncidentCloseReason.Delivered));
        step.Notices.ShouldBe([new IncidentNotice(IncidentLifecycle.Closed, T0.AddMinutes(30), closed)]);
        IncidentLifecycle.Delivered([closed], new DomainDelivery("corp.example", T0.AddMinutes(40), Window)).Notices.ShouldBeEmpty("closed once");
    }

    [Fact]
    public void The_sweep_closes_only_incidents_quiet_for_the_whole_window_and_says_so()
    {
        var quiet = Open(T0);
        var recent = Open(T0.AddMinutes(30)) with { Id = "inc_2" };

        var step = IncidentLifecycle.Sweep([quiet, recent], T0.AddMinutes(75), Window);

        var closed = step.Writes.ShouldHaveSingleItem();
        (closed.Id, closed.ClosedAt, closed.CloseReason).ShouldBe(("inc_1", T0.AddHours(1), IncidentCloseReason.Quiet));
        step.Notices.ShouldHaveSingleItem().Type.ShouldBe(IncidentLifecycle.Closed);
        IncidentLifecycle.Sweep([closed], T0.AddDays(1), Window).Notices.ShouldBeEmpty("closed once");
    }

    [Fact]
    public void Hits_count_from_the_window_but_never_from_before_the_last_close()
    {
        var hit = At(T0.AddHours(2));

        IncidentLifecycle.CountFrom(hit, null).ShouldBe(T0.AddHours(1));
        IncidentLifecycle.CountFrom(hit, T0).ShouldBe(T0.AddHours(1));
        IncidentLifecycle.CountFrom(hit, T0.AddMinutes(100)).ShouldBe(T0.AddMinutes(100));
    }
}
