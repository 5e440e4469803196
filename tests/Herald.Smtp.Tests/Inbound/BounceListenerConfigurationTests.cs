using System.Net;
using Herald.Smtp.Inbound;
using Microsoft.Extensions.Configuration;

namespace Herald.Smtp.Tests.Inbound;

public sealed class BounceListenerConfigurationTests
{
    private static IConfiguration Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void Every_listener_setting_is_read_from_its_key()
    {
        var options = BounceListenerConfiguration.Read(Section(new()
        {
            ["Endpoint"] = "[::1]:2600",
            ["ServerName"] = "bounces.example.com",
            ["MaxMessageSize"] = "65536",
            ["MaxRecipients"] = "3",
            ["MaxLineLength"] = "512",
            ["SessionTimeout"] = "00:02:00",
            ["CommandTimeout"] = "00:00:30",
            ["MaxConnections"] = "7",
            ["MaxErrors"] = "2",
        }));

        options.ShouldBe(new BounceListenerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.IPv6Loopback, 2600),
            ServerName = "bounces.example.com",
            MaxMessageSize = 65536,
            MaxRecipients = 3,
            MaxLineLength = 512,
            SessionTimeout = TimeSpan.FromMinutes(2),
            CommandTimeout = TimeSpan.FromSeconds(30),
            MaxConnections = 7,
            MaxErrors = 2,
        });
    }

    [Fact]
    public void An_empty_section_gives_the_defaults_on_loopback_port_2526()
    {
        var options = BounceListenerConfiguration.Read(Section([]));

        options.ShouldBe(new BounceListenerOptions());
        options.Endpoint.ShouldBe(new IPEndPoint(IPAddress.Loopback, 2526));
    }

    [Theory]
    [InlineData("bounces.example.com")]
    [InlineData("127.0.0.1:port")]
    public void An_endpoint_that_is_not_an_address_and_port_is_named_as_a_problem(string endpoint) =>
        BounceListenerConfiguration.EndpointProblem(Section(new() { ["Endpoint"] = endpoint }))
            .ShouldBe($"'{endpoint}' is not an IP address and port, e.g. 127.0.0.1:2526");

    [Fact]
    public void An_absent_or_valid_endpoint_is_no_problem()
    {
        BounceListenerConfiguration.EndpointProblem(Section([])).ShouldBeNull();
        BounceListenerConfiguration.EndpointProblem(Section(new() { ["Endpoint"] = "0.0.0.0:25" })).ShouldBeNull();
    }
}
