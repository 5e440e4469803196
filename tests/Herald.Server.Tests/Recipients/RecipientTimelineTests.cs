using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

/// <summary>GET /v1/recipients/{id} tells, in plain words, why each recent message ended as it did.</summary>
public sealed class RecipientTimelineTests : IAsyncLifetime
{
    private ClockedHerald _herald = null!;

    private HeraldTestHost Host => _herald.Host;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("slow", "RCPT") => new ServerAction.Reply("451 4.7.1 Greylisted, try again later"),
        _ => null,
    };

    public async ValueTask InitializeAsync() => _herald = await ClockedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task The_recipient_shows_addresses_preferences_and_delivered_skipped_and_expired_messages_with_reasons()
    {
        await Host.CreateAsync("t-1", "fine@example.com", "slow@example.com");
        await Host.SetPreferenceAsync("t-1", "integrations", false);

        var delivered = await Host.SendToRecipientAsync("magic-code", "t-1", new { code = "123456" });
        await Host.WaitForStatusAsync(delivered, "delivered");
        var skipped = await Host.SendToRecipientAsync("integration-alert", "t-1", new { integration = "Xero", problem = "token expired" });
        await Host.WaitForStatusAsync(skipped, "skipped");
        var expired = (await Host.SendAsync(new { type = "magic-code", to = new { recipient = "t-1", address = "slow@example.com" }, data = new { code = "1" } }))
            .GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(expired, "deferred");
        _herald.Time.Advance(TimeSpan.FromMinutes(11));
        await Host.WaitForStatusAsync(expired, "expired");

        var recipient = await Host.GetRecipientAsync("t-1");
        recipient.GetProperty("addresses").EnumerateArray().Select(a => (a.GetProperty("address").GetString(), a.GetProperty("primary").GetBoolean()))
            .ShouldBe([("fine@example.com", true), ("slow@example.com", false)]);
        var integrations = recipient.GetProperty("preferences").EnumerateArray().Single(p => p.GetProperty("category").GetString() == "integrations");
        integrations.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        integrations.GetProperty("source").GetString().ShouldBe("api");

        var messages = recipient.GetProperty("messages").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => (Status: m.GetProperty("status").GetString(), Reason: m.GetProperty("reason").GetString()!));
        messages.Count.ShouldBe(3);
        messages[delivered].ShouldBe(("delivered", "accepted by the receiving mail server"));
        messages[skipped].Status.ShouldBe("skipped");
        messages[skipped].Reason.ShouldContain("turned off 'integrations' emails");
        messages[expired].Status.ShouldBe("expired");
        messages[expired].Reason.ShouldContain("time to live");
    }
}
