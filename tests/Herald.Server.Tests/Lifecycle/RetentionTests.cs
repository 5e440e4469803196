using System.Net;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Lifecycle;

/// <summary>The retention pruner in a running Herald with a fake clock: a month passes in no time.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private ClockedHerald _herald = null!;

    private HeraldTestHost Host => _herald.Host;

    private static ServerAction? Rules(string recipient, string verb, int count) =>
        recipient.StartsWith("gone.", StringComparison.Ordinal) && verb == "RCPT"
            ? new ServerAction.Reply("550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table")
            : null;

    public async ValueTask InitializeAsync() => _herald = await ClockedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task Messages_past_their_age_go_while_a_suppression_in_force_and_every_message_accepted_meanwhile_stay()
    {
        var old = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            old.Add(await SendAsync($"old{i}@example.com"));
        }

        foreach (var id in old)
        {
            await Host.WaitForStatusAsync(id, "delivered");
        }

        await Host.WaitForStatusAsync(await SendAsync("gone.forever@example.com"), "failed");
        await RecipientStatus.WaitForAsync(Host, "gone.forever@example.com", "suspended");

        // 31 days later the pruner's timer fires; sends go on while it removes the backlog.
        _herald.Time.Advance(TimeSpan.FromDays(31));
        var during = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SendAsync($"new{i}@example.com")));

        await WaitUntilGoneAsync(old[^1]);
        foreach (var id in old)
        {
            (await Host.Http.GetAsync($"/v1/messages/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        foreach (var id in during)
        {
            (await Host.Http.GetAsync($"/v1/messages/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "an acceptance made while pruning is kept");
        }

        (await RecipientStatus.GetAsync(Host, "gone.forever@example.com")).GetProperty("status").GetString().ShouldBe("suspended");
    }

    private async Task WaitUntilGoneAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Host.Http.GetAsync($"/v1/messages/{id}")).StatusCode != HttpStatusCode.NotFound)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the pruner did not remove a message past its age");
            await Task.Delay(50);
        }
    }

    private async Task<string> SendAsync(string to) =>
        (await Host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "token expired" } })).GetProperty("id").GetString()!;
}
