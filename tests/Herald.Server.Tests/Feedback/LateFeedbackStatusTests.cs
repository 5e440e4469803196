using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

/// <summary>
/// The receiving server said 250, then a bounce or complaint came back: the message's status tells the truth after
/// the fact, the same in the message, its timeline and the recipient's list.
/// </summary>
public sealed class LateFeedbackStatusTests : HostedHeraldTests
{
    private async Task<(string Id, string ReturnPath)> SendDeliveredAsync(string to)
    {
        var id = (await Host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "x" } })).GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "delivered");
        return (id, await BounceMailer.ReturnPathOfAsync(Host, id));
    }

    private async Task<string> ListedStatusAsync(string address, string id)
    {
        var list = await Host.Http.GetFromJsonAsync<JsonElement>($"/v1/recipients/{address}/messages", TestContext.Current.CancellationToken);
        return list.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task A_bounce_after_delivered_moves_the_message_to_bounced_with_the_evidence()
    {
        var (id, returnPath) = await SendDeliveredAsync("late@example.com");

        (await BounceMailer.SendAsync(Host, returnPath, InboundFixtures.Dsn(returnPath, "late@example.com", "5.1.1",
            "550 5.1.1 <late@example.com>: Recipient address rejected: User unknown in virtual mailbox table"))).ShouldStartWith("250");

        var message = await Host.GetMessageAsync(id);
        message.GetProperty("status").GetString().ShouldBe("bounced");
        Timeline.Types(message).ShouldContain("delivered");
        Timeline.Types(message)[^1].ShouldBe("bounced");
        var bounced = Timeline.Last(message, "bounced");
        bounced.GetProperty("reply").GetString()!.ShouldContain("User unknown in virtual mailbox table");
        bounced.GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
        (await ListedStatusAsync("late@example.com", id)).ShouldBe("bounced");
    }

    [Fact]
    public async Task A_complaint_after_delivered_moves_the_message_to_complained()
    {
        var (id, returnPath) = await SendDeliveredAsync("annoyed@example.com");

        (await BounceMailer.SendAsync(Host, returnPath, InboundFixtures.Complaint(returnPath, "annoyed@example.com"))).ShouldStartWith("250");

        var message = await Host.GetMessageAsync(id);
        message.GetProperty("status").GetString().ShouldBe("complained");
        Timeline.Types(message)[^1].ShouldBe("complained");
        (await ListedStatusAsync("annoyed@example.com", id)).ShouldBe("complained");
    }

    [Fact]
    public async Task A_delay_warning_after_delivered_leaves_the_message_delivered()
    {
        var (id, returnPath) = await SendDeliveredAsync("slow@example.com");

        (await BounceMailer.SendAsync(Host, returnPath, InboundFixtures.Dsn(returnPath, "slow@example.com", "4.4.1",
            "451 4.4.1 mailstore.example.com: connection timed out", action: "delayed"))).ShouldStartWith("250");

        var message = await Host.GetMessageAsync(id);
        message.GetProperty("status").GetString().ShouldBe("delivered");
        Timeline.Types(message).ShouldNotContain("bounced");
        (await RecipientStatus.GetAsync(Host, "slow@example.com")).GetProperty("status").GetString().ShouldNotBe("suspended");
    }

    [Fact]
    public async Task An_auto_reply_after_delivered_leaves_the_message_delivered()
    {
        var (id, returnPath) = await SendDeliveredAsync("away@example.com");

        (await BounceMailer.SendAsync(Host, returnPath, InboundFixtures.AutoReply(returnPath, "away@example.com", DateTimeOffset.UnixEpoch.AddYears(56)))).ShouldStartWith("250");

        var message = await Host.GetMessageAsync(id);
        message.GetProperty("status").GetString().ShouldBe("delivered");
        Timeline.Types(message)[^1].ShouldBe("auto-replied");
    }
}
