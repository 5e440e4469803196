using System.Net;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Api.DevTemplates;

/// <summary>The previews are a developer's tool: outside Development the path does not exist.</summary>
public sealed class DevTemplatesProductionTests
{
    [Fact]
    public async Task Dev_templates_is_not_found_outside_Development()
    {
        await using var host = await HeraldTestHost.StartAsync(9, new()
        {
            ["Herald:BounceDomain"] = "bounces.acme.example",
            ["Herald:MessageIdDomain"] = "acme.example",
            ["Herald:DefaultSender:Address"] = "notifications@acme.example",
        }, environment: "Production");

        foreach (var path in new[] { "/dev/templates", "/dev/templates/magic-code/html", "/dev/templates/magic-code/text" })
        {
            using var response = await host.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }
}
