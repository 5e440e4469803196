using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Feedback;

/// <summary>Auto-responders, complaints and the owner's unblock, over days of fake time with real SMTP both ways.</summary>
public sealed class AutoReplyAndUnblockTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ScriptedHerald _herald = null!;

    /// <summary>"typo@" does not exist; "later@" exists from its third RCPT on (the owner fixed their alias).</summary>
    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("typo", "RCPT") => new ServerAction.Reply($"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown"),
        ("queued", "RCPT") when count == 1 => new ServerAction.Reply("451 4.7.1 Greylisted, try again in 60s"),
        ("later", "RCPT") when count <= 2 => new ServerAction.Reply($"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown"),
        _ => null,
    };

    private HeraldTestHost _host => _herald.Host;

    private ScriptedSmtpServer _smtp => _herald.Smtp;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules, _time);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    private async Task<string> SendAsync(string to) =>
        (await _host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "x" } })).GetProperty("id").GetString()!;

    private async Task AutoReplyToNewMessageAsync(string to)
    {
        var id = await SendAsync(to);
        await _host.WaitForStatusAsync(id, "delivered");
        var returnPath = await BounceMailer.ReturnPathOfAsync(_host, id);
        (await BounceMailer.SendAsync(_host, returnPath, InboundFixtures.AutoReply(returnPath, to, _time.GetUtcNow()))).ShouldStartWith("250");
        Timeline.Types(await _host.GetMessageAsync(id)).ShouldContain("auto-replied");
    }

    [Fact]
    public async Task Three_auto_replies_over_eight_days_suspend_the_address()
    {
        await AutoReplyToNewMessageAsync("holiday@example.com");
        _time.Advance(TimeSpan.FromDays(4));
        await AutoReplyToNewMessageAsync("holiday@example.com");
        _time.Advance(TimeSpan.FromDays(4));
        await AutoReplyToNewMessageAsync("holiday@example.com");

        var status = await RecipientStatus.GetAsync(_host, "holiday@example.com");
        status.GetProperty("status").GetString().ShouldBe("suspended");
        status.GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("auto-responder");
        status.GetProperty("suspension").GetProperty("explanation").GetString().ShouldBe(
            "An automatic reply has answered 3 of our emails over 8 days, so it looks like nobody reads this mailbox.");
    }

    [Fact]
    public async Task Two_auto_replies_over_eight_days_do_not()
    {
        await AutoReplyToNewMessageAsync("away@example.com");
        _time.Advance(TimeSpan.FromDays(8));
        await AutoReplyToNewMessageAsync("away@example.com");
        (await RecipientStatus.GetAsync(_host, "away@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task Three_auto_replies_within_one_day_do_not()
    {
        for (var i = 0; i < 3; i++)
        {
            await AutoReplyToNewMessageAsync("weekend@example.com");
            _time.Advance(TimeSpan.FromHours(6));
        }

        (await RecipientStatus.GetAsync(_host, "weekend@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task A_complaint_cannot_be_lifted_by_the_owner_only_by_an_operator_with_an_audit_entry()
    {
        var id = await SendAsync("angry@example.com");
        await _host.WaitForStatusAsync(id, "delivered");
        var returnPath = await BounceMailer.ReturnPathOfAsync(_host, id);
        (await BounceMailer.SendAsync(_host, returnPath, InboundFixtures.Complaint(returnPath, "angry@example.com"))).ShouldStartWith("250");
        Timeline.Types(await _host.GetMessageAsync(id)).ShouldContain("complained");

        var status = await RecipientStatus.GetAsync(_host, "angry@example.com");
        status.GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("complaint");
        status.GetProperty("suspension").GetProperty("canUnblock").GetBoolean().ShouldBeFalse();

        var (code, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/angry%40example.com/unblock");
        code.ShouldBe(409);
        body.GetProperty("refusal").GetString()!.ShouldContain("operator");
        body.GetProperty("status").GetProperty("status").GetString().ShouldBe("suspended");

        var (removed, detail) = await RecipientStatus.PostAsync(_host, "/v1/suppressions/angry%40example.com/remove", new { @operator = "sam", note = "ticket 4711: complaint was a mistake" });
        removed.ShouldBe(200);
        detail.GetProperty("status").GetProperty("status").GetString().ShouldBe("ok");
        var audit = detail.GetProperty("history").EnumerateArray().Last();
        audit.GetProperty("action").GetString().ShouldBe("operator-removed");
        audit.GetProperty("actor").GetString().ShouldBe("operator:sam via key:tests");
        audit.GetProperty("detail").GetString()!.ShouldContain("ticket 4711");
    }

    [Fact]
    public async Task Unblock_sends_one_verification_a_hard_bounce_suspends_again_and_the_next_attempt_says_when()
    {
        var id = await SendAsync("typo@example.com");
        await _host.WaitForStatusAsync(id, "failed");
        await RecipientStatus.WaitForAsync(_host, "typo@example.com", "suspended");

        var (code, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/typo%40example.com/unblock");
        code.ShouldBe(200, body.ToString());
        var verification = body.GetProperty("probeMessageId").GetString()!;
        (await _host.WaitForStatusAsync(verification, "failed")).GetProperty("type").GetString().ShouldBe("deliverability-probe");
        var again = await RecipientStatus.WaitForAsync(_host, "typo@example.com", "suspended");
        again.GetProperty("suspension").GetProperty("messageId").GetString().ShouldBe(verification);
        again.GetProperty("suspension").GetProperty("canUnblock").GetBoolean().ShouldBeFalse();

        var (refused, answer) = await RecipientStatus.PostAsync(_host, "/v1/recipients/typo%40example.com/unblock");
        refused.ShouldBe(409);
        var notBefore = answer.GetProperty("notBefore").GetDateTimeOffset();
        (notBefore - _time.GetUtcNow()).TotalDays.ShouldBeInRange(6.9, 7.0);
        _smtp.Commands.Count(c => c.Contains("typo@example.com", StringComparison.OrdinalIgnoreCase)).ShouldBe(2); // the first send and one verification

        // A week later the owner may try again; at most three times in 90 days.
        var firstUnblock = _time.GetUtcNow();
        for (var i = 2; i <= 3; i++)
        {
            _time.Advance(TimeSpan.FromDays(7));
            (code, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/typo%40example.com/unblock");
            code.ShouldBe(200, $"unblock {i}: {body}");
            await _host.WaitForStatusAsync(body.GetProperty("probeMessageId").GetString()!, "failed");
            await RecipientStatus.WaitForAsync(_host, "typo@example.com", "suspended");
        }

        _time.Advance(TimeSpan.FromDays(7));
        (refused, answer) = await RecipientStatus.PostAsync(_host, "/v1/recipients/typo%40example.com/unblock");
        refused.ShouldBe(409);
        answer.GetProperty("refusal").GetString()!.ShouldContain("3 times in 90 days");
        (answer.GetProperty("notBefore").GetDateTimeOffset() - firstUnblock).TotalDays.ShouldBeInRange(89.9, 90.1);
    }

    [Fact]
    public async Task After_a_successful_unblock_the_probe_is_delivered_and_the_address_stays_active()
    {
        var id = await SendAsync("later@example.com");
        await _host.WaitForStatusAsync(id, "failed");
        await RecipientStatus.WaitForAsync(_host, "later@example.com", "suspended");
        var (_, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/later%40example.com/unblock");
        var probe = body.GetProperty("probeMessageId").GetString()!;
        await _host.WaitForStatusAsync(probe, "failed"); // second RCPT still refused: suspended again
        _time.Advance(TimeSpan.FromDays(7.1));
        (_, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/later%40example.com/unblock");
        await _host.WaitForStatusAsync(body.GetProperty("probeMessageId").GetString()!, "delivered");
        (await RecipientStatus.WaitForAsync(_host, "later@example.com", "ok")).GetProperty("showBanner").GetBoolean().ShouldBeFalse();

        // Probes are rate-limited.
        (await RecipientStatus.PostAsync(_host, "/v1/recipients/later%40example.com/probe")).Code.ShouldBe(409);
        _time.Advance(TimeSpan.FromMinutes(11));
        (await RecipientStatus.PostAsync(_host, "/v1/recipients/later%40example.com/probe")).Code.ShouldBe(200);
    }

    [Fact]
    public async Task A_probe_goes_only_to_an_address_Herald_has_sent_to()
    {
        var (code, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/stranger%40example.com/probe");
        code.ShouldBe(400);
        body.GetProperty("errors").GetProperty("address")[0].GetString()!.ShouldContain("Herald has sent nothing to this address");
        _smtp.Commands.ShouldNotContain(c => c.Contains("stranger@example.com", StringComparison.OrdinalIgnoreCase));

        await _host.WaitForStatusAsync(await SendAsync("known@example.com"), "delivered");
        (code, body) = await RecipientStatus.PostAsync(_host, "/v1/recipients/known%40example.com/probe");
        code.ShouldBe(200);
        (await _host.WaitForStatusAsync(body.GetProperty("probeMessageId").GetString()!, "delivered")).GetProperty("type").GetString().ShouldBe("deliverability-probe");
    }

    [Fact]
    public async Task A_message_already_queued_when_its_address_is_suspended_is_suppressed_at_its_next_attempt_without_contacting_a_server()
    {
        var id = await SendAsync("queued@example.com");
        await _host.WaitForStatusAsync(id, "deferred");
        (await RecipientStatus.PostAsync(_host, "/v1/suppressions", new { address = "queued@example.com", @operator = "sam", note = "legal request" })).Code.ShouldBe(200);

        _time.Advance(TimeSpan.FromMinutes(2));
        var message = await _host.WaitForStatusAsync(id, "suppressed");
        Timeline.Types(message).ShouldBe(["accepted", "attempt", "deferred", "suppressed"]);
        Timeline.Last(message, "suppressed").GetProperty("detail").GetString()!.ShouldContain("operator");
        _smtp.Commands.Count(c => c.Contains("queued@example.com", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [Fact]
    public async Task A_full_mailbox_bouncing_five_times_over_three_days_is_suspended_for_a_week_then_tried_again()
    {
        for (var i = 0; i < 5; i++)
        {
            var id = await SendAsync("full@example.com");
            await _host.WaitForStatusAsync(id, "delivered");
            var returnPath = await BounceMailer.ReturnPathOfAsync(_host, id);
            (await BounceMailer.SendAsync(_host, returnPath,
                InboundFixtures.Dsn(returnPath, "full@example.com", "5.2.2", "552 5.2.2 <full@example.com>: Mailbox full, quota exceeded"))).ShouldStartWith("250");
            if (i < 4)
            {
                (await RecipientStatus.GetAsync(_host, "full@example.com")).GetProperty("status").GetString().ShouldBe("problem");
                _time.Advance(TimeSpan.FromHours(18.5));
            }
        }

        // Each message was first accepted by the relay ("delivered"), then bounced: five failures, not five successes.
        var s = (await RecipientStatus.GetAsync(_host, "full@example.com")).GetProperty("suspension");
        s.GetProperty("reason").GetString().ShouldBe("persistent-soft-failure");
        (s.GetProperty("expiresAt").GetDateTimeOffset() - _time.GetUtcNow()).TotalDays.ShouldBe(7, 0.01);
        (await _host.SendAsync(new { type = "integration-alert", to = "full@example.com", data = new { integration = "a", problem = "b" } }))
            .GetProperty("reason").GetString()!.ShouldContain("tries again after");

        _time.Advance(TimeSpan.FromDays(7.01));
        (await RecipientStatus.GetAsync(_host, "full@example.com")).GetProperty("status").GetString().ShouldNotBe("suspended");
        await _host.WaitForStatusAsync(await SendAsync("full@example.com"), "delivered");
    }
}
