using System.Text.Json;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Simulator;

/// <summary>The simulator's transient replies, with Herald's clock faked so a retry schedule of minutes takes none.</summary>
public sealed class SimulatorRetryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SimulatorHost.StartAsync(_time);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Greylist_defers_the_first_attempt_with_451_4_7_1_and_accepts_the_retry()
    {
        var id = await SimulatorHost.SendAsync(_host, "greylist");

        var deferred = Timeline.Last(await _host.WaitForStatusAsync(id, "deferred"), "deferred");
        deferred.GetProperty("smtpCode").GetInt32().ShouldBe(451);
        deferred.GetProperty("enhancedStatus").GetString().ShouldBe("4.7.1");
        deferred.GetProperty("reply").GetString()!.ShouldContain("Greylisted");

        _time.Advance(TimeSpan.FromSeconds(70)); // the first retry is one minute later, +/- 10 %
        var message = await _host.WaitForStatusAsync(id, "delivered");
        Timeline.Types(message).ShouldBe(["accepted", "attempt", "deferred", "attempt", "delivered"]);
        // The deferral was no fault of the address, and the delivery clears it.
        (await RecipientStatus.WaitForAsync(_host, $"greylist@{SimulatorHost.Domain}", "ok")).TryGetProperty("problem", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Mailbox_full_answers_452_4_2_2_on_every_attempt_until_the_message_expires_without_suspending()
    {
        var message = await RunToExpiryAsync("mailbox-full", 452, "4.2.2");
        Timeline.Last(message, "expired").GetProperty("detail").GetString()!.ShouldContain("over quota");

        var status = await SimulatorHost.StatusAsync(_host, "mailbox-full");
        status.GetProperty("status").GetString().ShouldNotBe("suspended");
        var problem = status.GetProperty("problem");
        problem.GetProperty("scenario").GetString().ShouldBe("mailbox-full");
        problem.GetProperty("actor").GetString().ShouldBe("recipient");
        problem.GetProperty("explanation").GetString()!.ShouldContain("full");
    }

    [Fact]
    public async Task Gateway_block_is_refused_after_DATA_in_Mimecast_words_retried_as_a_block_and_names_the_recipients_IT()
    {
        var message = await RunToExpiryAsync("gateway-block", 550, null);
        Timeline.Last(message, "deferred").GetProperty("reply").GetString()!.ShouldContain("mimecast.com");

        var status = await SimulatorHost.StatusAsync(_host, "gateway-block");
        status.GetProperty("status").GetString().ShouldBe("problem");
        var problem = status.GetProperty("problem");
        problem.GetProperty("scenario").GetString().ShouldBe("security-gateway-block");
        problem.GetProperty("named").GetString().ShouldBe("Mimecast");
        problem.GetProperty("actor").GetString().ShouldBe("recipient-it");
        problem.GetProperty("explanation").GetString()!.ShouldContain("Mimecast");
    }

    [Fact]
    public async Task Blocklisted_is_refused_naming_Spamhaus_retried_as_a_block_and_puts_the_sender_to_act()
    {
        var message = await RunToExpiryAsync("blocklisted", 554, "5.7.1");
        Timeline.Last(message, "deferred").GetProperty("reply").GetString()!.ShouldContain("zen.spamhaus.org");

        var status = await SimulatorHost.StatusAsync(_host, "blocklisted");
        status.GetProperty("status").GetString().ShouldBe("problem");
        var problem = status.GetProperty("problem");
        problem.GetProperty("scenario").GetString().ShouldBe("blocklisted");
        problem.GetProperty("named").GetString()!.ShouldContain("Spamhaus");
        problem.GetProperty("actor").GetString().ShouldBe("sender");
        problem.GetProperty("explanation").GetString()!.ShouldContain("Spamhaus");
    }

    /// <summary>
    /// Sends a sign-in code (ten minutes to live) and lets the fake clock run through its retries: attempts at 0, ~1
    /// and ~6 minutes, and the next one (~21) would come after the TTL, so the third reply expires it. Every attempt
    /// must get the same reply.
    /// </summary>
    private async Task<JsonElement> RunToExpiryAsync(string localPart, int code, string? enhancedStatus)
    {
        var id = await SimulatorHost.SendAsync(_host, localPart, type: "magic-code");
        await WaitForDeferralsAsync(id, 1);
        _time.Advance(TimeSpan.FromMinutes(1.2));
        await WaitForDeferralsAsync(id, 2);
        _time.Advance(TimeSpan.FromMinutes(5.6));
        var message = await _host.WaitForStatusAsync(id, "expired");
        message.GetProperty("attempts").GetInt32().ShouldBe(3);
        Deferrals(message).Count.ShouldBe(2);
        foreach (var deferral in Deferrals(message))
        {
            deferral.GetProperty("smtpCode").GetInt32().ShouldBe(code);
            if (enhancedStatus is not null)
            {
                deferral.GetProperty("enhancedStatus").GetString().ShouldBe(enhancedStatus);
            }
        }

        Timeline.Last(message, "expired").GetProperty("detail").GetString()!.ShouldContain(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return message;
    }

    private static List<JsonElement> Deferrals(JsonElement message) =>
        message.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "deferred").ToList();

    /// <summary>Waits for the n-th deferral to be stored, so the clock moves only once its retry time is fixed.</summary>
    private async Task WaitForDeferralsAsync(string id, int count)
    {
        for (var i = 0; i < 400; i++)
        {
            if (Deferrals(await _host.GetMessageAsync(id)).Count >= count)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new ShouldAssertException($"message {id} was not deferred {count} times: {await _host.GetMessageAsync(id)}");
    }
}
