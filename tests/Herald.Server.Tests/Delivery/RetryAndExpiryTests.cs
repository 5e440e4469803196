using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Herald.Server.Tests.Delivery;

/// <summary>Retries and time to live, with Herald's clock faked so a one-minute backoff takes no minute.</summary>
public sealed class RetryAndExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("greylisted", "RCPT") when count == 1 => new ServerAction.Reply("451 4.7.1 Greylisted, try again in 60s"),
        ("busy", "RCPT") => new ServerAction.Reply("421 4.3.2 Service shutting down, try later"),
        _ => null,
    };

    private HeraldTestHost _host => _herald.Host;

    private ScriptedSmtpServer _smtp => _herald.Smtp;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules, _time);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    private async Task<string> SendCodeAsync(string to) =>
        (await _host.SendAsync(new { type = "magic-code", to, data = new { code = "424242" } })).GetProperty("id").GetString()!;

    [Fact]
    public async Task Reply_451_then_accept_delivers_on_the_second_attempt_with_the_same_message_id()
    {
        var id = await SendCodeAsync("greylisted@example.com");
        var deferred = Timeline.Last(await _host.WaitForStatusAsync(id, "deferred"), "deferred");
        deferred.GetProperty("smtpCode").GetInt32().ShouldBe(451);
        var wait = deferred.GetProperty("nextAttemptAt").GetDateTimeOffset() - _time.GetUtcNow();
        wait.TotalSeconds.ShouldBeInRange(50, 70); // one minute, +/- 10 % jitter

        _time.Advance(TimeSpan.FromSeconds(70));
        var message = await _host.WaitForStatusAsync(id, "delivered");
        Timeline.Types(message).ShouldBe(["accepted", "attempt", "deferred", "attempt", "delivered"]);
        message.GetProperty("attempts").GetInt32().ShouldBe(2);

        // Both attempts reached DATA only once (the first was refused at RCPT), and a retry after a crash would
        // reuse the same fixed Message-ID: it is the one shown in the API.
        var mime = MimeMessage.Load(new MemoryStream(_smtp.Data.ShouldHaveSingleItem()));
        mime.MessageId.ShouldBe(message.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Retries_never_go_past_the_time_to_live_and_the_message_then_expires()
    {
        var id = await SendCodeAsync("busy@example.com");
        await _host.WaitForStatusAsync(id, "deferred"); // attempt 1, retry in ~1 min
        _time.Advance(TimeSpan.FromMinutes(1.2));
        await WaitForAttemptsAsync(id, 2); // attempt 2, retry in ~5 min (6.2 of 10)
        _time.Advance(TimeSpan.FromMinutes(5.6));
        var message = await _host.WaitForStatusAsync(id, "expired"); // attempt 3 would retry at ~21 min: past the TTL
        var expired = Timeline.Last(message, "expired");
        expired.GetProperty("detail").GetString()!.ShouldContain("421");
        message.GetProperty("attempts").GetInt32().ShouldBe(3);
        _smtp.Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_whose_time_to_live_passed_before_an_attempt_expires_unsent()
    {
        var id = await SendCodeAsync("greylisted@example.com");
        await _host.WaitForStatusAsync(id, "deferred");
        _time.Advance(TimeSpan.FromMinutes(11)); // past magic-code's 10 minutes
        var message = await _host.WaitForStatusAsync(id, "expired");
        Timeline.Types(message).ShouldBe(["accepted", "attempt", "deferred", "expired"]);
        Timeline.Last(message, "expired").GetProperty("detail").GetString()!.ShouldContain("time to live");
        _smtp.Data.ShouldBeEmpty();
    }

    private async Task WaitForAttemptsAsync(string id, int attempts)
    {
        for (var i = 0; i < 400; i++)
        {
            var m = await _host.GetMessageAsync(id);
            // attempts counts claims, so also wait for that attempt's own deferred event: advancing the clock while it is
            // still in flight would fire its SMTP timeout (the send gate's ledger read made that window wider).
            if (m.GetProperty("attempts").GetInt32() >= attempts && m.GetProperty("status").GetString() == "deferred"
                && Timeline.Types(m).Count(t => t == "deferred") >= attempts)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new ShouldAssertException($"message {id} never reached attempt {attempts}");
    }
}
