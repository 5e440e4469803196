using Herald.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Herald.Server.Tests.Hosting;

/// <summary>Herald:Roles (herald serve --roles) as configuration: how it is read and what it refuses.</summary>
public sealed class RolesTests : IDisposable
{
    private readonly string _shared = Directory.CreateTempSubdirectory("herald-roles-").FullName;

    public void Dispose() => Directory.Delete(_shared, recursive: true);

    [Theory]
    [InlineData("api,mail", "'mail' is not a role")]
    [InlineData(" , ", "names no role")]
    public void An_unknown_role_is_refused_naming_the_option_and_the_setting(string roles, string problem)
    {
        var configuration = HeraldConfiguration.Load([$"--{NodeRoles.Setting}={roles}"], file: null);

        var reported = HeraldConfiguration.Check(configuration, "Development").Where(p => p.Contains("Roles", StringComparison.Ordinal)).ShouldHaveSingleItem();
        reported.ShouldStartWith("Herald:Roles (--roles): ");
        reported.ShouldContain(problem);
        reported.ShouldContain("api, delivery, inbound, webhooks");
        var refused = Should.Throw<OptionsValidationException>(() => HeraldServer.Build([], b => b.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [NodeRoles.Setting] = roles, ["Herald:DataDirectory"] = _shared })));
        refused.Failures.ShouldContain(reported);
    }

    [Fact]
    public void Roles_are_read_case_and_space_insensitively_and_all_run_when_unset()
    {
        NodeRoles.Parse(null, out _).ShouldBe(NodeRoles.All);
        NodeRoles.Parse(" API , Webhooks", out var problem).ShouldBe(new NodeRoles(Api: true, Delivery: false, Inbound: false, Webhooks: true));
        problem.ShouldBeNull();
        NodeRoles.All.ToString().ShouldBe("api,delivery,inbound,webhooks");
    }
}
