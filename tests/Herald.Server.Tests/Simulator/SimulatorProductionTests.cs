using Herald.Server.Tests.Support;
using Herald.Smtp.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Simulator;

/// <summary>In Production the simulator is opt-in: off, its domain takes the ordinary route; on, it works as in Development.</summary>
public sealed class SimulatorProductionTests
{
    private static Dictionary<string, string?> Production(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(SimulatorHost.Settings)
        {
            ["Herald:BounceDomain"] = "bounces.acme.example",
            ["Herald:MessageIdDomain"] = "acme.example",
            ["Herald:DefaultSender:Address"] = "notifications@acme.example",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task In_Production_the_simulator_does_not_run_unless_enabled_and_its_domain_takes_the_ordinary_route()
    {
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port, Production(), environment: "Production");

        host.Services.GetService<SimulatorServer>().ShouldBeNull();
        var id = await SimulatorHost.SendAsync(host, "bounce");
        var delivered = Timeline.Last(await host.WaitForStatusAsync(id, "delivered"), "delivered");
        delivered.GetProperty("route").GetString().ShouldBe("default");
        smtp.Data.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task In_Production_with_Enabled_true_a_late_bounce_comes_back_through_the_listener()
    {
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port, Production(("Herald:Simulator:Enabled", "true")), environment: "Production");

        var id = await SimulatorHost.SendAsync(host, "late-bounce");
        var message = await host.WaitForStatusAsync(id, "bounced");
        Timeline.Last(message, "delivered").GetProperty("route").GetString().ShouldBe("simulator");
        smtp.Data.ShouldBeEmpty();
    }
}
