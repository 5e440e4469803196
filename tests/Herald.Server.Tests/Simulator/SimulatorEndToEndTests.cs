using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Simulator;

/// <summary>
/// Every simulator address through the whole pipeline: the API, the queue, the route decided at intake, MailKit to the
/// simulator's real SMTP server on 127.0.0.1, the classifier, the ledger; and for the reports sent after a 250, real
/// SMTP back to Herald's inbound listener. Each asserts the message's status, the address's state and the words
/// Herald shows for it.
/// </summary>
public sealed class SimulatorEndToEndTests : IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SimulatorHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delivered_is_accepted_by_the_simulator_over_its_own_route_and_leaves_the_address_ok()
    {
        var id = await SimulatorHost.SendAsync(_host, "delivered");

        var message = await _host.WaitForStatusAsync(id, "delivered");
        var delivered = Timeline.Last(message, "delivered");
        delivered.GetProperty("route").GetString().ShouldBe("simulator");
        delivered.GetProperty("smtpCode").GetInt32().ShouldBe(250);
        delivered.GetProperty("reply").GetString()!.ShouldContain("queued as");
        (await SimulatorHost.StatusAsync(_host, "delivered")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task Bounce_is_refused_with_550_5_1_1_fails_and_suspends_the_address()
    {
        var id = await SimulatorHost.SendAsync(_host, "bounce");

        var failed = Timeline.Last(await _host.WaitForStatusAsync(id, "failed"), "failed");
        failed.GetProperty("smtpCode").GetInt32().ShouldBe(550);
        failed.GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
        var status = await RecipientStatus.WaitForAsync(_host, $"bounce@{SimulatorHost.Domain}", "suspended");
        var suspension = status.GetProperty("suspension");
        suspension.GetProperty("reason").GetString().ShouldBe("hard-bounce");
        suspension.GetProperty("scenario").GetString().ShouldBe("mailbox-does-not-exist");
        suspension.GetProperty("evidence").GetString()!.ShouldContain("User unknown");
        suspension.GetProperty("explanation").GetString()!.ShouldContain("does not exist");
    }

    [Fact]
    public async Task A_tag_after_the_local_part_keeps_the_behaviour_on_a_fresh_address()
    {
        var first = await SimulatorHost.SendAsync(_host, "bounce+run1");
        await _host.WaitForStatusAsync(first, "failed");
        await RecipientStatus.WaitForAsync(_host, $"bounce+run1@{SimulatorHost.Domain}", "suspended");

        // The suspended address is held back; a new tag is a new address that bounces again.
        var again = await SimulatorHost.SendAsync(_host, "bounce+run1");
        await _host.WaitForStatusAsync(again, "suppressed");
        var fresh = await SimulatorHost.SendAsync(_host, "bounce+run2");
        Timeline.Last(await _host.WaitForStatusAsync(fresh, "failed"), "failed").GetProperty("smtpCode").GetInt32().ShouldBe(550);
    }

    [Fact]
    public async Task An_unknown_local_part_is_an_unknown_mailbox()
    {
        var id = await SimulatorHost.SendAsync(_host, "nobody-here");

        var failed = Timeline.Last(await _host.WaitForStatusAsync(id, "failed"), "failed");
        failed.GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
    }

    [Fact]
    public async Task Auto_reply_is_delivered_then_its_out_of_office_reply_comes_back_through_the_listener_and_changes_nothing()
    {
        var id = await SimulatorHost.SendAsync(_host, "auto-reply");

        var message = await _host.WaitForStatusAsync(id, "delivered");
        Timeline.Types(message).ShouldContain("auto-replied");
        Timeline.Last(message, "auto-replied").GetProperty("detail").GetString()!.ShouldStartWith("auto-responder:");
        (await SimulatorHost.StatusAsync(_host, "auto-reply")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task Complaint_is_delivered_then_an_ARF_report_moves_it_to_complained_and_suspends_the_address()
    {
        var id = await SimulatorHost.SendAsync(_host, "complaint");

        var message = await _host.WaitForStatusAsync(id, "complained");
        Timeline.Types(message).ShouldContain("delivered");
        Timeline.Last(message, "complained").GetProperty("detail").GetString()!.ShouldStartWith("complaint:");
        var suspension = (await RecipientStatus.WaitForAsync(_host, $"complaint@{SimulatorHost.Domain}", "suspended")).GetProperty("suspension");
        suspension.GetProperty("reason").GetString().ShouldBe("complaint");
        suspension.GetProperty("messageId").GetString().ShouldBe(id);
    }

    [Fact]
    public async Task Late_bounce_whose_DSN_is_stored_before_the_250_outcome_still_ends_bounced_and_suspends_the_address()
    {
        var id = await SimulatorHost.SendAsync(_host, "late-bounce");

        var message = await _host.WaitForStatusAsync(id, "bounced");
        var types = Timeline.Types(message);
        Array.IndexOf(types, "bounced").ShouldBeLessThan(Array.IndexOf(types, "delivered"), "the simulator answers 250 only once Herald took its DSN");
        var bounced = Timeline.Last(message, "bounced");
        bounced.GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
        bounced.GetProperty("reply").GetString()!.ShouldContain("User unknown");
        bounced.GetProperty("detail").GetString()!.ShouldStartWith("mailbox-does-not-exist:");
        var suspension = (await RecipientStatus.WaitForAsync(_host, $"late-bounce@{SimulatorHost.Domain}", "suspended")).GetProperty("suspension");
        suspension.GetProperty("reason").GetString().ShouldBe("hard-bounce");
        suspension.GetProperty("messageId").GetString().ShouldBe(id);
    }
}
