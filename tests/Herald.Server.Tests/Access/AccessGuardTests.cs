using Herald.Core.Access;
using Herald.Server.Access;
using Herald.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Access;

/// <summary>
/// Start-up on an address other machines can reach needs a key first. Tested on the guard itself, which runs before the
/// HTTP server binds: a test must never listen beyond 127.0.0.1.
/// </summary>
public sealed class AccessGuardTests : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("herald-guard-").FullName;

    private IConfiguration Configuration(string urls) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["urls"] = urls,
        ["Herald:DataDirectory"] = _data,
    }).Build();

    [Fact]
    public async Task Serve_refuses_a_non_loopback_address_while_no_key_exists_and_says_how_to_create_one()
    {
        var configuration = Configuration("http://0.0.0.0:5000");
        await using var services = HeraldAdministration.Open(configuration);
        var guard = new AccessGuard(configuration, services.GetRequiredService<ApiKeyService>());

        var refused = await Should.ThrowAsync<StartupRefusedException>(() => guard.StartAsync(CancellationToken.None));
        refused.Message.ShouldContain("http://0.0.0.0:5000");
        refused.Message.ShouldContain("herald keys create");

        await services.GetRequiredService<ApiKeyService>().CreateAsync("app", [Scopes.Send], CancellationToken.None);
        await guard.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Loopback_addresses_need_no_key_to_start()
    {
        var configuration = Configuration("http://127.0.0.1:5000;http://localhost:5001;http://[::1]:5002");
        await using var services = HeraldAdministration.Open(configuration);
        await new AccessGuard(configuration, services.GetRequiredService<ApiKeyService>()).StartAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.5.6.7:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://192.0.2.10:5000", false)]
    [InlineData("https://herald.example.com", false)]
    public void A_listen_address_is_loopback_only_when_no_other_machine_can_reach_it(string url, bool loopback) =>
        ListenAddresses.IsLoopback(url).ShouldBe(loopback);

    [Fact]
    public void A_route_or_a_reachable_address_ends_the_quick_start()
    {
        static IConfiguration Config(params (string, string)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.ToDictionary(p => p.Item1, p => (string?)p.Item2)).Build();

        AccessRegistration.ModeOf(Config(("urls", "http://127.0.0.1:5000"))).QuickStart.ShouldBeTrue();
        AccessRegistration.ModeOf(Config(("urls", "http://0.0.0.0:5000"))).QuickStart.ShouldBeFalse();
        AccessRegistration.ModeOf(Config(("urls", "http://127.0.0.1:5000"), ("Herald:Smtp:Routes:default:Kind", "Relay"))).QuickStart.ShouldBeFalse();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        return ValueTask.CompletedTask;
    }
}
