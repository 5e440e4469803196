using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class RelayReplyTests
{
    [Fact]
    public async Task Accepted_message_reports_the_reply_text_and_remote_host()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var accepted = result.ShouldBeOfType<SmtpSendResult.Accepted>();
        accepted.Reply.Code.ShouldBe(250);
        accepted.Reply.Text.ShouldContain("queued as SCRIPTED");
        accepted.Reply.EnhancedStatus.ShouldBe("2.0.0");
        accepted.RemoteHost.ShouldBe("127.0.0.1");
        accepted.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        server.Commands.ShouldContain(c => c.StartsWith($"MAIL FROM:<{TestMail.ReturnPath}>"));
        server.Commands.ShouldContain($"RCPT TO:<{TestMail.Recipient}>");
        server.Commands.ShouldContain("EHLO client.herald.test");
    }

    [Fact]
    public async Task Reply_451_to_RCPT_is_rejected_at_RcptTo_and_the_retry_is_accepted_with_the_same_Message_ID()
    {
        await using var server = new ScriptedSmtpServer(c => c is { Verb: "RCPT", Count: 1 }
            ? new ServerAction.Reply("451 4.7.1 <user@example.test>: Recipient address rejected: greylisted, try again later")
            : null);
        using var transport = TestMail.Relay(server.Port);
        var email = TestMail.Email();
        var messageId = email.Message.MessageId;

        var first = await transport.SendAsync(email, TestContext.Current.CancellationToken);
        var second = await transport.SendAsync(email, TestContext.Current.CancellationToken);

        var rejected = first.ShouldBeOfType<SmtpSendResult.Rejected>();
        rejected.Stage.ShouldBe(SmtpStage.RcptTo);
        rejected.Reply.Code.ShouldBe(451);
        rejected.Reply.EnhancedStatus.ShouldBe("4.7.1");
        second.ShouldBeOfType<SmtpSendResult.Accepted>();
        email.Message.MessageId.ShouldBe(messageId);
        var data = System.Text.Encoding.ASCII.GetString(server.Data.ShouldHaveSingleItem());
        data.ShouldContain($"Message-ID: <{messageId}>");
        server.Connections.ShouldBe(1);
    }

    [Fact]
    public async Task Reply_550_5_1_1_to_RCPT_keeps_the_full_text_and_enhanced_code()
    {
        const string text = "550 5.1.1 <user@example.test>: Recipient address rejected: User unknown in virtual mailbox table";
        await using var server = new ScriptedSmtpServer(c => c.Verb == "RCPT" ? new ServerAction.Reply(text) : null);
        using var transport = TestMail.Relay(server.Port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var rejected = result.ShouldBeOfType<SmtpSendResult.Rejected>();
        rejected.Stage.ShouldBe(SmtpStage.RcptTo);
        rejected.Reply.Code.ShouldBe(550);
        rejected.Reply.EnhancedStatus.ShouldBe("5.1.1");
        rejected.Reply.Text.ShouldBe(text[4..]);
        rejected.RemoteHost.ShouldBe("127.0.0.1");
        server.Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reply_552_to_RCPT_is_reported_at_the_RcptTo_stage()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == "RCPT" ? new ServerAction.Reply("552 5.5.3 Too many recipients") : null);
        using var transport = TestMail.Relay(server.Port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var rejected = result.ShouldBeOfType<SmtpSendResult.Rejected>();
        rejected.Stage.ShouldBe(SmtpStage.RcptTo);
        rejected.Reply.Code.ShouldBe(552);
        rejected.Reply.IsPermanentAt(rejected.Stage).ShouldBeFalse();
    }

    [Fact]
    public async Task Multi_line_550_reply_keeps_every_line()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb == "." ? new ServerAction.Reply(
            "550-5.7.1 [192.0.2.1] Our system has detected that this message is\r\n" +
            "550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\r\n" +
            "550 5.7.1 this message has been blocked. x12si123.25 - gsmtp") : null);
        using var transport = TestMail.Relay(server.Port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var rejected = result.ShouldBeOfType<SmtpSendResult.Rejected>();
        rejected.Stage.ShouldBe(SmtpStage.Data);
        rejected.Reply.Code.ShouldBe(550);
        rejected.Reply.EnhancedStatus.ShouldBe("5.7.1");
        var lines = rejected.Reply.Text.Split('\n');
        lines.Length.ShouldBe(3);
        lines[0].ShouldContain("Our system has detected");
        lines[2].ShouldContain("gsmtp");
    }

    [Theory]
    [InlineData("MAIL", "554 5.7.1 Sender blocked", SmtpStage.MailFrom)]
    [InlineData("CONNECT", "421 4.3.2 Service not available, closing channel", SmtpStage.Connect)]
    [InlineData("EHLO", "421 4.7.0 Too many connections", SmtpStage.Ehlo)]
    [InlineData("DATA", "554 5.5.1 No valid recipients", SmtpStage.Data)]
    public async Task Negative_reply_is_reported_at_the_command_it_answered(string verb, string reply, SmtpStage stage)
    {
        // MailKit falls back to HELO when EHLO is refused (RFC 5321 section 3.2), so both get the reply.
        await using var server = new ScriptedSmtpServer(c => c.Verb == verb || (verb, c.Verb) == ("EHLO", "HELO") ? new ServerAction.Reply(reply) : null);
        using var transport = TestMail.Relay(server.Port);

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var rejected = result.ShouldBeOfType<SmtpSendResult.Rejected>();
        rejected.Stage.ShouldBe(stage);
        rejected.Reply.Code.ShouldBe(int.Parse(reply[..3]));
        rejected.Reply.Text.ShouldBe(reply[4..]);
    }

    [Fact]
    public void Relay_route_without_a_host_fails_at_startup()
    {
        var options = new SmtpRoutesOptions();
        options.Routes["broken"] = new SmtpRouteOptions { Kind = SmtpRouteKind.Relay };

        Should.Throw<InvalidOperationException>(() => new MailKitSmtpTransport(options, TimeProvider.System, new FixedMxLookup(new MxAnswer.Found([], false))))
            .Message.ShouldContain("broken");
    }

    [Fact]
    public async Task Unknown_route_is_a_bug()
    {
        using var transport = TestMail.Relay(1);

        await Should.ThrowAsync<InvalidOperationException>(() =>
            transport.SendAsync(TestMail.Email(route: "nope"), TestContext.Current.CancellationToken));
    }
}
