using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Smtp.Tests.Infrastructure;

namespace Herald.Smtp.Tests.Outbound;

public sealed class AuthenticationTests
{
    private const string EhloWithAuth = "250-scripted.test\r\n250-AUTH PLAIN\r\n250 8BITMIME";

    [Fact]
    public async Task Relay_with_credentials_authenticates_before_sending()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb switch
        {
            "EHLO" => new ServerAction.Reply(EhloWithAuth),
            "AUTH" => new ServerAction.Reply("235 2.7.0 Authentication successful"),
            _ => null,
        });
        using var transport = TestMail.Relay(server.Port, username: "herald");

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>();
        server.Commands.ShouldContain(c => c.StartsWith("AUTH PLAIN"));
    }

    [Fact]
    public async Task Refused_credentials_are_rejected_at_Auth()
    {
        await using var server = new ScriptedSmtpServer(c => c.Verb switch
        {
            "EHLO" => new ServerAction.Reply(EhloWithAuth),
            "AUTH" => new ServerAction.Reply("535 5.7.8 Error: authentication failed: bad credentials"),
            _ => null,
        });
        using var transport = TestMail.Relay(server.Port, username: "herald");

        var result = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var again = await transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken);

        var rejected = result.ShouldBeOfType<SmtpSendResult.Rejected>();
        rejected.Stage.ShouldBe(SmtpStage.Auth);
        again.ShouldBeOfType<SmtpSendResult.Rejected>().Stage.ShouldBe(SmtpStage.Auth);
        server.Connections.ShouldBe(2);
        rejected.Reply.Code.ShouldBe(535);
        rejected.Reply.Text.ShouldContain("bad credentials");
        server.Data.ShouldBeEmpty();
    }
}
