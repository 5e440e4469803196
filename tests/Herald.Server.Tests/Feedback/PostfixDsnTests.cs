using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

/// <summary>
/// A real MTA as the peer: Herald relays to a private Debian Postfix on 127.0.0.1, Postfix relays to a sink that refuses
/// the recipient, and the DSN that Postfix itself writes comes back to Herald's bounce listener and suspends the address.
/// </summary>
public sealed class PostfixDsnTests
{
    [Fact]
    public async Task A_DSN_written_by_Postfix_comes_back_to_the_listener_and_suspends_the_address()
    {
        if (PostfixPeer.Unavailable() is { } why)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI must run the Postfix test: {why}");
            }

            Assert.Skip(why);
        }

        await using var sink = new ScriptedSmtpServer(c => c.Verb == "RCPT"
            ? new ServerAction.Reply("550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
            : null);
        // Herald first (its listener port goes into Postfix's transport map), relaying to Postfix once it is up.
        var postfixPort = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        postfixPort.Start();
        var port = ((System.Net.IPEndPoint)postfixPort.LocalEndpoint).Port;
        postfixPort.Stop();
        await using var host = await HeraldTestHost.StartAsync(port);
        await using var postfix = await PostfixPeer.StartAsync(sink.Port, "bounces.herald.localhost", BounceMailer.ListenerOf(host).Port, port);

        var id = (await host.SendAsync(new { type = "integration-alert", to = "nobody@example.com", data = new { integration = "Slack", problem = "x" } }))
            .GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(id, "delivered", TimeSpan.FromSeconds(60)); // Postfix took it (250): the failure comes later, as a DSN

        try
        {
            var status = await RecipientStatus.WaitForAsync(host, "nobody@example.com", "suspended");
            status.GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("hard-bounce");
            status.GetProperty("suspension").GetProperty("evidence").GetString()!.ShouldContain("User unknown in virtual mailbox table");
            Timeline.Types(await host.GetMessageAsync(id)).ShouldContain("bounced");
        }
        catch (ShouldAssertException)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(postfix.Log);
            throw;
        }
    }
}
