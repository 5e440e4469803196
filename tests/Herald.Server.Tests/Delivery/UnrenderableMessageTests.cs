using System.Text.Json;
using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Delivery;

/// <summary>
/// A message that can never be rendered (stored before acceptance refused its data, or under a catalogue that has
/// changed since) fails at once with the reason, instead of failing every attempt until it expires.
/// </summary>
public sealed class UnrenderableMessageTests : IAsyncLifetime
{
    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(static (_, _, _) => null);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task A_stored_message_whose_data_cannot_render_fails_at_once_without_contacting_any_server()
    {
        var services = _herald.Host.Services;
        var type = services.GetRequiredService<NotificationCatalogue>().Find("integration-alert")!;
        using var data = JsonDocument.Parse("""{"integration":1e30,"problem":"token expired"}""");
        var message = services.GetRequiredService<MessageFactory>()
            .Create(new ValidatedSubmission(type, "ana@example.com", data.RootElement.Clone(), null, "unrenderable"));
        var accepted = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Accepted, Detail: "stored directly by the test");
        (await services.GetRequiredService<IDeliveryQueue>().EnqueueAsync(message, accepted, message.CreatedAt, TestContext.Current.CancellationToken))
            .ShouldBeOfType<EnqueueResult.Created>();
        services.GetRequiredService<IQueueWaker>().Wake(message.Priority);

        var stored = await _herald.Host.WaitForStatusAsync(message.Id, "failed");
        Timeline.Types(stored).ShouldBe(["accepted", "failed"]);
        Timeline.Last(stored, "failed").GetProperty("detail").GetString()!.ShouldContain("cannot be rendered");
        _herald.Smtp.Commands.ShouldNotContain(c => c.StartsWith("RCPT", StringComparison.Ordinal));
    }
}
