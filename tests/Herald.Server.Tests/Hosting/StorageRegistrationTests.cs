using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Server.Hosting;
using Herald.Server.Tests.Support;
using Herald.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Server.Tests.Hosting;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-storage-registration-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddHeraldStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public async Task By_default_every_storage_port_is_on_one_SQLite_store_in_herald_db_of_the_data_folder()
    {
        var data = Path.Combine(_dir, "data");
        await using var services = Build(new() { ["Herald:DataDirectory"] = data });

        var store = services.GetRequiredService<SqliteStore>();
        services.GetRequiredService<IDeliveryQueue>().ShouldBeSameAs(store);
        services.GetRequiredService<IMessageStore>().ShouldBeSameAs(store);
        services.GetRequiredService<IRecipientStore>().ShouldBeOfType<SqliteRecipientStore>();
        services.GetRequiredService<IFeedbackStore>().ShouldBeOfType<Herald.Storage.Sqlite.Feedback.SqliteFeedbackStore>();
        services.GetRequiredService<IReplayGuard>().ShouldBeOfType<Herald.Storage.Sqlite.Feedback.SqliteReplayGuard>();

        (await services.GetRequiredService<IRecipientStore>().CreateAsync("u1", ["a@example.com"], DateTimeOffset.UnixEpoch, CancellationToken.None))
            .ShouldBeOfType<RecipientChange.Done>();
        File.Exists(Path.Combine(data, "herald.db")).ShouldBeTrue();
        (await services.GetRequiredService<IReplayGuard>().TryRememberAsync("ses", "evt-1", DateTimeOffset.MaxValue, CancellationToken.None)).ShouldBeTrue();
        (await services.GetRequiredService<IRecipientStore>().FindByAddressAsync("a@example.com", CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_SQLite_file_can_live_outside_the_data_folder_and_the_kind_ignores_case()
    {
        var path = Path.Combine(_dir, "elsewhere", "queue.db");
        await using var services = Build(new()
        {
            ["Herald:DataDirectory"] = Path.Combine(_dir, "data"),
            ["Herald:Storage:Kind"] = "SQLite",
            ["Herald:Storage:Sqlite:Path"] = path,
        });

        await services.GetRequiredService<SqliteStore>().OpenAsync(CancellationToken.None);

        File.Exists(path).ShouldBeTrue();
        File.Exists(Path.Combine(_dir, "data", "herald.db")).ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_kind_is_a_configuration_error_naming_the_setting_and_the_allowed_kinds()
    {
        const string expected = "Herald:Storage:Kind: 'mysql' is not a storage kind; allowed: sqlite, postgres";
        var settings = new Dictionary<string, string?> { ["Herald:DataDirectory"] = _dir, ["Herald:Storage:Kind"] = "mysql" };

        Should.Throw<OptionsValidationException>(() => Build(settings)).Message.ShouldContain(expected);
        ConfigurationProbe.Check(settings).ShouldContain(expected, "start-up and herald config check report it too");
    }

    [Fact]
    public void A_blank_node_id_is_a_configuration_error() =>
        ConfigurationProbe.Check(new() { ["Herald:NodeId"] = "  " }).ShouldContain(e => e.StartsWith("Herald:NodeId:", StringComparison.Ordinal));

    [Fact]
    public void The_node_id_is_the_configured_one_else_the_machine_and_the_full_data_folder()
    {
        static IConfiguration Settings(string? node) =>
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Herald:NodeId"] = node }).Build();

        NodeIdentity.Resolve(Settings("node-7"), "data").ShouldBe("node-7");
        NodeIdentity.Resolve(Settings(null), "data").ShouldBe($"{Environment.MachineName}:{Path.GetFullPath("data")}");
        NodeIdentity.Resolve(Settings(null), "data").ShouldNotBe(NodeIdentity.Resolve(Settings(null), "other-data"));
    }
}
