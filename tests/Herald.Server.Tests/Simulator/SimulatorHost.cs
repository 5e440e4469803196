using System.Text.Json;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Simulator;

/// <summary>
/// A real Herald in the Development environment with nothing configured about the simulator: it runs by default on
/// 127.0.0.1, and its reports come back through Herald's own inbound listener. Optionally on a fake clock.
/// </summary>
internal static class SimulatorHost
{
    public const string Domain = "simulator.herald.test";

    /// <summary>
    /// The defaults: no reply delay, so every report is stored by Herald's listener before Herald stores the delivery it
    /// follows (the order the late bounce once lost to).
    /// </summary>
    public static readonly Dictionary<string, string?> Settings = [];

    public static Task<HeraldTestHost> StartAsync(TimeProvider? time = null) =>
        HeraldTestHost.StartAsync(null, Settings, services: time is null ? null : s => s.AddSingleton(time));

    public static async Task<string> SendAsync(HeraldTestHost host, string localPart, string type = "integration-alert")
    {
        object data = type == "magic-code" ? new { code = "424242" } : new { integration = "Slack", problem = "x" };
        var sent = await host.SendAsync(new { type, to = $"{localPart}@{Domain}", data });
        return sent.GetProperty("id").GetString()!;
    }

    public static Task<JsonElement> StatusAsync(HeraldTestHost host, string localPart) =>
        RecipientStatus.GetAsync(host, $"{localPart}@{Domain}");

    /// <summary>Polls until the message's timeline has an event of <paramref name="type"/>.</summary>
    public static async Task<JsonElement> WaitForEventAsync(HeraldTestHost host, string id, string type)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement message;
        do
        {
            message = await host.GetMessageAsync(id);
            if (Timeline.Types(message).Contains(type))
            {
                return message;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);

        throw new ShouldAssertException($"message {id} has no '{type}' event: {message}");
    }
}
