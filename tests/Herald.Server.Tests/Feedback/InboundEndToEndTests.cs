using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Herald.Server.Tests.Support;
using Herald.Smtp.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Feedback;

/// <summary>The bounce listener as <c>herald serve</c> wires it: real SMTP into the real store, classifier and policy.</summary>
public sealed class InboundEndToEndTests : HostedHeraldTests
{
    private const int Limit = 256 * 1024;
    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort) =>
        HeraldTestHost.StartAsync(smtpPort, new() { ["Herald:Inbound:MaxMessageSize"] = Limit.ToString() });

    private async Task<(string Id, string ReturnPath)> SendDeliveredAsync(string to)
    {
        var id = (await Host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "x" } })).GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "delivered");
        return (id, await BounceMailer.ReturnPathOfAsync(Host, id));
    }

    [Fact]
    public async Task A_send_accepted_then_a_DSN_delivered_to_the_listener_suspends_the_address()
    {
        var (id, returnPath) = await SendDeliveredAsync("ana@example.com");
        await RecipientStatus.WaitForAsync(Host, "ana@example.com", "ok");

        var reply = await BounceMailer.SendAsync(Host, returnPath,
            InboundFixtures.Dsn(returnPath, "ana@example.com", "5.1.1", "550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown in local recipient table"));
        reply.ShouldStartWith("250");

        // Persisted before the 250: no polling needed.
        var status = await RecipientStatus.GetAsync(Host, "ana@example.com");
        status.GetProperty("status").GetString().ShouldBe("suspended");
        status.GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("hard-bounce");
        status.GetProperty("suspension").GetProperty("messageId").GetString().ShouldBe(id);
        status.GetProperty("suspension").GetProperty("evidence").GetString()!.ShouldContain("User unknown in local recipient table");
        var bounced = Timeline.Last(await Host.GetMessageAsync(id), "bounced");
        bounced.GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
    }

    [Fact]
    public async Task Relay_attempts_and_unknown_return_paths_are_refused()
    {
        var (_, returnPath) = await SendDeliveredAsync("relay-check@example.com");
        await using var raw = await RawSmtpClient.ConnectAsync(BounceMailer.ListenerOf(Host));
        (await raw.ReadReplyAsync()).ShouldStartWith("220");
        (await raw.CommandAsync("EHLO peer.example.net")).ShouldStartWith("250");
        (await raw.CommandAsync("MAIL FROM:<>")).ShouldStartWith("250");
        (await raw.CommandAsync("RCPT TO:<victim@gmail.com>")).ShouldStartWith("550");
        (await raw.CommandAsync("RCPT TO:<b-00000000000000000000@bounces.herald.localhost>")).ShouldStartWith("550");
        (await raw.CommandAsync($"RCPT TO:<{returnPath}>")).ShouldStartWith("250");
    }

    [Fact]
    public async Task An_oversize_message_without_SIZE_is_refused_after_at_most_limit_plus_64KiB_read()
    {
        var (_, returnPath) = await SendDeliveredAsync("big@example.com");
        var listener = Host.Services.GetRequiredService<BounceListener>();
        await using var raw = await RawSmtpClient.ConnectAsync(BounceMailer.ListenerOf(Host));
        await raw.OpenDataAsync("", returnPath);
        var line = Encoding.ASCII.GetBytes(new string('x', 998) + "\r\n");
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var written = 0; written < 8 * 1024 * 1024; written += line.Length)
                {
                    await raw.Stream.WriteAsync(line);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // closed by the server once it stopped reading: expected
            }
        });

        (await raw.ReadReplyAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull().ShouldStartWith("552");
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        await raw.DisposeAsync();
        var read = await ClosedSessionBytesAsync(listener);
        read.ShouldBeLessThanOrEqualTo(Limit + 64 * 1024);
        read.ShouldBeGreaterThan(Limit);
        (await RecipientStatus.GetAsync(Host, "big@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task A_bare_LF_smuggled_second_message_is_refused_and_changes_nothing()
    {
        var (_, returnPath) = await SendDeliveredAsync("smuggle@example.com");
        await using var raw = await RawSmtpClient.ConnectAsync(BounceMailer.ListenerOf(Host));
        await raw.OpenDataAsync("", returnPath);
        var complaint = InboundFixtures.Complaint(returnPath, "smuggle@example.com");
        await raw.SendAsync("Subject: first\r\n\r\nhello\n.\n" + $"MAIL FROM:<>\r\nRCPT TO:<{returnPath}>\r\nDATA\r\n" + complaint + "\r\n.\r\nQUIT\r\n");
        var replies = new List<string>();
        while (await raw.ReadReplyAsync(TimeSpan.FromSeconds(10)) is { } reply)
        {
            replies.Add(reply);
        }

        replies.Count.ShouldBe(2, string.Join(" | ", replies));
        replies[0].ShouldStartWith("550 5.6.0");
        (await RecipientStatus.GetAsync(Host, "smuggle@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    /// <summary>The listener's count of bytes read per closed session (internal to Herald.Smtp, read by reflection).</summary>
    private static async Task<long> ClosedSessionBytesAsync(BounceListener listener)
    {
        var property = typeof(BounceListener).GetProperty("ClosedSessionBytesRead", BindingFlags.NonPublic | BindingFlags.Instance)!;
        for (var i = 0; i < 200; i++)
        {
            if (((IReadOnlyCollection<long>)property.GetValue(listener)!).Count > 0)
            {
                break;
            }

            await Task.Delay(25);
        }

        return ((IReadOnlyCollection<long>)property.GetValue(listener)!).Max();
    }
}
