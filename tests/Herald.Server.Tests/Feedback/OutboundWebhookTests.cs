using System.Security.Cryptography;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

/// <summary>Outbound webhooks to an application endpoint (a real Kestrel on 127.0.0.1) that fails once, then recovers.</summary>
public sealed class OutboundWebhookTests : HostedHeraldTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private WebhookReceiver _receiver = null!;

    public OutboundWebhookTests()
        : base(c => c.Verb == "RCPT" ? new ServerAction.Reply("550 5.1.1 <x@example.com>: Recipient address rejected: User unknown") : null)
    {
    }

    public override async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    // The application's endpoint is down for the first delivery (/flaky): the event must come again, same id.
    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort) =>
        HeraldTestHost.StartAsync(smtpPort, _receiver.Endpoint("app", "/flaky", Key, "suppressed"));

    [Fact]
    public async Task A_suppression_is_delivered_signed_per_Standard_Webhooks_and_retried_with_the_same_id()
    {
        var id = (await Host.SendAsync(new { type = "integration-alert", to = "x@example.com", data = new { integration = "a", problem = "b" } })).GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "failed");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_receiver.Calls.Any(r => r.Answer == 204) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var calls = _receiver.Calls.ToArray();
        calls.Length.ShouldBe(2, "one failed delivery, one retry; only the subscribed event type");
        calls[1].Id.ShouldBe(calls[0].Id);
        calls[1].Body.ShouldBe(calls[0].Body);
        calls.Select(c => c.Answer).ShouldBe([503, 204]);
        calls.ShouldAllBe(call => call.SignedWith(Key));

        using var payload = JsonDocument.Parse(calls[1].Body);
        payload.RootElement.GetProperty("type").GetString().ShouldBe("address.suppressed");
        var data = payload.RootElement.GetProperty("data");
        data.GetProperty("address").GetString().ShouldBe("x@example.com");
        data.GetProperty("reason").GetString().ShouldBe("hard-bounce");
        data.GetProperty("messageId").GetString().ShouldBe(id);
    }
}
