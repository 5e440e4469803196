using System.Text;
using Herald.Server.Tests.Support;
using MimeKit;

namespace Herald.Server.Tests.Delivery;

/// <summary>Herald delivering to a real SMTP server on 127.0.0.1 that answers per recipient.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("greylisted", "RCPT") when count == 1 => new ServerAction.Reply("451 4.7.1 <greylisted@example.com>: Recipient address rejected: Greylisted, try again in 60s"),
        ("unknown", "RCPT") => new ServerAction.Reply("550 5.1.1 <unknown@example.com>: Recipient address rejected: User unknown in virtual mailbox table"),
        ("multiline", "RCPT") => new ServerAction.Reply("550-5.7.1 Service unavailable; client [127.0.0.1] blocked using zen.spamhaus.org\r\n550 5.7.1 see https://www.spamhaus.org/query/ip/127.0.0.1"),
        ("dropper", "DATA") => new ServerAction.DropDuringData(),
        ("slow", "RCPT") => new ServerAction.Stall(),
        _ => null,
    };

    private HeraldTestHost _host => _herald.Host;

    private ScriptedSmtpServer _smtp => _herald.Smtp;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    private async Task<string> SendCodeAsync(string to, string code = "123456") =>
        (await _host.SendAsync(new { type = "magic-code", to, data = new { code, name = "Ana" } })).GetProperty("id").GetString()!;

    private List<MimeMessage> Received() => _smtp.Data.Select(d => MimeMessage.Load(new MemoryStream(d))).ToList();

    [Fact]
    public async Task An_accepted_message_is_delivered_and_its_timeline_records_host_reply_and_duration()
    {
        var id = await SendCodeAsync("ana@example.com");
        var message = await _host.WaitForStatusAsync(id, "delivered");
        Timeline.Types(message).ShouldBe(["accepted", "attempt", "delivered"]);
        var delivered = Timeline.Last(message, "delivered");
        delivered.GetProperty("remoteHost").GetString().ShouldBe("127.0.0.1");
        delivered.GetProperty("smtpCode").GetInt32().ShouldBe(250);
        delivered.GetProperty("reply").GetString()!.ShouldContain("queued as SCRIPTED");
        delivered.TryGetProperty("durationMs", out _).ShouldBeTrue();

        var mime = Received().ShouldHaveSingleItem();
        mime.MessageId.ShouldBe(message.GetProperty("messageId").GetString());
        mime.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        mime.Headers["Feedback-ID"].ShouldStartWith("magic-code:sign-in:default:");
        mime.TextBody!.ShouldContain("123456");
        _smtp.Commands.ShouldContain(c => c.StartsWith("MAIL FROM:<b-", StringComparison.Ordinal) && c.Contains("@bounces.herald.localhost>"));
    }

    [Fact]
    public async Task Reply_550_fails_keeping_the_reply_and_purging_the_secret()
    {
        var id = await SendCodeAsync("unknown@example.com", "555555");
        var message = await _host.WaitForStatusAsync(id, "failed");
        var failed = Timeline.Last(message, "failed");
        failed.GetProperty("smtpCode").GetInt32().ShouldBe(550);
        failed.GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
        failed.GetProperty("reply").GetString()!.ShouldContain("User unknown in virtual mailbox table");
        var stored = await _host.Store.GetAsync(id, default);
        stored!.DataJson!.ShouldNotContain("555555");
        stored.DataJson!.ShouldContain("Ana");
    }

    [Fact]
    public async Task A_multi_line_550_keeps_every_line_and_the_link()
    {
        // A blocklist 550 is about the sender, not the address: retried within the TTL (issue 4), reply kept whole.
        var id = await SendCodeAsync("multiline@example.com");
        var reply = Timeline.Last(await _host.WaitForStatusAsync(id, "deferred"), "deferred").GetProperty("reply").GetString()!;
        reply.ShouldContain("zen.spamhaus.org");
        reply.ShouldContain("https://www.spamhaus.org/query/ip/127.0.0.1");
    }

    [Fact]
    public async Task A_connection_dropped_mid_DATA_is_deferred()
    {
        var id = await SendCodeAsync("dropper@example.com");
        var deferred = Timeline.Last(await _host.WaitForStatusAsync(id, "deferred"), "deferred");
        deferred.GetProperty("detail").GetString()!.ShouldContain("connection lost");
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_deferred()
    {
        var id = await SendCodeAsync("slow@example.com");
        var deferred = Timeline.Last(await _host.WaitForStatusAsync(id, "deferred", TimeSpan.FromSeconds(15)), "deferred");
        deferred.GetProperty("detail").GetString()!.ShouldContain("timed out");
    }

    [Fact]
    public async Task No_bare_CR_or_LF_reaches_the_wire()
    {
        var id = (await _host.SendAsync(new { type = "concierge-reply", to = "lf@example.com", data = new { body = "line one\nline two\rline three" } })).GetProperty("id").GetString()!;
        await _host.WaitForStatusAsync(id, "delivered");
        var raw = Encoding.ASCII.GetString(_smtp.Data.Single());
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n')
            {
                raw[i - 1].ShouldBe('\r', $"bare LF at {i}");
            }
            else if (raw[i] == '\r')
            {
                raw[i + 1].ShouldBe('\n', $"bare CR at {i}");
            }
        }
    }
}
