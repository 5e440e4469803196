using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Simulator;

/// <summary><c>Herald:Simulator</c> in the one configuration check of start-up and <c>herald config check</c>.</summary>
public sealed class SimulatorConfigurationTests
{
    private static readonly Dictionary<string, string?> Route = new()
    {
        ["Herald:Smtp:Routes:default:Kind"] = "Relay",
        ["Herald:Smtp:Routes:default:Host"] = "smtp.example.com",
    };

    private static IReadOnlyList<string> Check(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Route);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return ConfigurationProbe.Check(all);
    }

    [Fact]
    public void Enabling_the_simulator_without_the_inbound_listener_is_named_since_its_reports_could_not_come_back()
    {
        Check(("Herald:Simulator:Enabled", "true"), ("Herald:Inbound:Enabled", "false"), ("environment", "Development"))
            .ShouldContain(p => p.StartsWith("Herald:Simulator:Enabled: the simulator sends its DSNs", StringComparison.Ordinal));
    }

    [Fact]
    public void Unset_in_Development_without_the_listener_the_simulator_is_simply_off()
    {
        Check(("Herald:Inbound:Enabled", "false"), ("environment", "Development"))
            .ShouldNotContain(p => p.StartsWith("Herald:Simulator", StringComparison.Ordinal));
    }

    [Fact]
    public void A_port_a_delay_and_a_switch_that_cannot_work_are_each_named()
    {
        var problems = Check(("Herald:Simulator:Enabled", "true"), ("Herald:Simulator:Port", "70000"), ("Herald:Simulator:ReplyDelay", "02:00:00"));
        problems.ShouldContain("Herald:Simulator:Port: 70000 is not a TCP port (0 for any free port, up to 65535)");
        problems.ShouldContain("Herald:Simulator:ReplyDelay: must be between 00:00:00 and 01:00:00");

        Check(("Herald:Simulator:Enabled", "perhaps")).ShouldContain(p => p.StartsWith("Herald:Simulator:Enabled: 'perhaps'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_of_its_own_named_simulator_is_refused_while_the_simulator_runs()
    {
        Check(("Herald:Simulator:Enabled", "true"), ("Herald:Smtp:Routes:simulator:Kind", "Relay"), ("Herald:Smtp:Routes:simulator:Host", "smtp.example.com"))
            .ShouldContain(p => p.StartsWith("Herald:Smtp:Routes:simulator: the name is the bounce simulator's own route", StringComparison.Ordinal));
        Check(("Herald:Smtp:Routes:simulator:Kind", "Relay"), ("Herald:Smtp:Routes:simulator:Host", "smtp.example.com"), ("environment", "Production"))
            .ShouldNotContain(p => p.Contains("simulator's own route", StringComparison.Ordinal));
    }
}
