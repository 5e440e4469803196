using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Tests.Feedback;

/// <summary>Outbound webhooks to an application endpoint (a real Kestrel on 127.0.0.1) that fails once, then recovers.</summary>
public sealed class OutboundWebhookTests : HostedHeraldTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentQueue<(string Id, string Timestamp, string Signature, string Body, int Answer)> _received = new();
    private int _calls;
    private WebApplication _receiver = null!;
    private string _url = null!;

    public OutboundWebhookTests()
        : base(c => c.Verb == "RCPT" ? new ServerAction.Reply("550 5.1.1 <x@example.com>: Recipient address rejected: User unknown") : null)
    {
    }

    public override async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/hooks", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            // The application's endpoint is down for the first delivery: the event must come again, same id.
            var answer = Interlocked.Increment(ref _calls) == 1 ? 503 : 204;
            _received.Enqueue((http.Request.Headers["webhook-id"]!, http.Request.Headers["webhook-timestamp"]!, http.Request.Headers["webhook-signature"]!, body, answer));
            return Results.StatusCode(answer);
        });
        await _receiver.StartAsync();
        _url = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort) =>
        HeraldTestHost.StartAsync(smtpPort, new()
        {
            ["Herald:Feedback:Webhooks:app:Url"] = _url,
            ["Herald:Feedback:Webhooks:app:Secret"] = "whsec_" + Convert.ToBase64String(Key),
            ["Herald:Feedback:Webhooks:app:Events:0"] = "suppressed",
        });

    [Fact]
    public async Task A_suppression_is_delivered_signed_per_Standard_Webhooks_and_retried_with_the_same_id()
    {
        var id = (await Host.SendAsync(new { type = "integration-alert", to = "x@example.com", data = new { integration = "a", problem = "b" } })).GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "failed");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_received.Any(r => r.Answer == 204) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var calls = _received.ToArray();
        calls.Length.ShouldBe(2, "one failed delivery, one retry; only the subscribed event type");
        calls[1].Id.ShouldBe(calls[0].Id);
        calls[1].Body.ShouldBe(calls[0].Body);
        foreach (var call in calls)
        {
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{call.Id}.{call.Timestamp}.{call.Body}")));
            call.Signature.ShouldBe(expected);
        }

        using var payload = JsonDocument.Parse(calls[1].Body);
        payload.RootElement.GetProperty("type").GetString().ShouldBe("address.suppressed");
        var data = payload.RootElement.GetProperty("data");
        data.GetProperty("address").GetString().ShouldBe("x@example.com");
        data.GetProperty("reason").GetString().ShouldBe("hard-bounce");
        data.GetProperty("messageId").GetString().ShouldBe(id);
    }
}
