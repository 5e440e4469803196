using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Herald.Server.Configuration;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;

namespace Herald.Server.Tests.Hosting;

/// <summary>
/// Herald:Roles (herald serve --roles) at work: two in-process nodes on one store, as two processes would share it,
/// each running only its part. Run on SQLite (one file, two processes on one machine) and on PostgreSQL (one database,
/// several machines).
/// </summary>
public abstract class RolesOnStoreTests : IAsyncLifetime
{
    private readonly string _shared = Directory.CreateTempSubdirectory("herald-roles-").FullName;
    private Dictionary<string, string?> _store = [];
    private ScriptedSmtpServer _smtp = null!;

    /// <summary>The settings that put both nodes of a test on one store; none for SQLite in the shared data folder.</summary>
    protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        _smtp = new ScriptedSmtpServer();
        _store = await StoreSettingsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        try
        {
            Directory.Delete(_shared, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    private Task<HeraldTestHost> NodeAsync(string roles, string node, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [NodeRoles.Setting] = roles,
            ["Herald:NodeId"] = node,
            ["Herald:DataDirectory"] = _shared,
        };
        foreach (var (key, value) in _store.Concat(more ?? []))
        {
            settings[key] = value;
        }

        return HeraldTestHost.StartAsync(_smtp.Port, settings);
    }

    private static async Task<JsonElement> ReadyAsync(HeraldTestHost host)
    {
        using var response = await host.Http.GetAsync("/healthz/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
    }

    [Fact]
    public async Task An_api_node_accepts_messages_and_delivers_none_a_delivery_node_on_the_same_store_delivers_them()
    {
        await using var api = await NodeAsync("api", "node-api");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await api.SendAsync(new { type = "magic-code", to = $"user{i}@example.com", data = new { code = $"{i:D6}" } })).GetProperty("id").GetString()!);
        }

        // The API node's lanes would have claimed these within its 200 ms idle poll; it has none.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        foreach (var id in ids)
        {
            (await api.GetMessageAsync(id)).GetProperty("status").GetString().ShouldBe("queued");
        }

        _smtp.Connections.ShouldBe(0);
        (await ReadyAsync(api)).EnumerateObject().Select(c => c.Name).ShouldBe(["store", "disk"], ignoreOrder: true);

        await using var delivery = await NodeAsync("delivery", "node-delivery");
        foreach (var id in ids)
        {
            await api.WaitForStatusAsync(id, "delivered");
        }

        _smtp.Data.Count.ShouldBe(3);
        (await ReadyAsync(delivery)).EnumerateObject().Select(c => c.Name).ShouldBe(["workers", "store", "disk", "critical-queue"], ignoreOrder: true);
        // The delivery node serves health and metrics, not the API.
        (await delivery.Http.GetAsync($"/v1/messages/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await delivery.Http.PostAsJsonAsync("/v1/messages", new { type = "magic-code", to = "x@example.com", data = new { code = "1" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await delivery.Http.GetAsync("/healthz/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_the_inbound_role_the_inbound_port_is_not_listening()
    {
        var port = FreePort();
        var endpoint = new Dictionary<string, string?> { ["Herald:Inbound:Endpoint"] = $"127.0.0.1:{port}" };

        await using (var node = await NodeAsync("api,delivery,webhooks", "node-no-inbound", endpoint))
        {
            using var client = new TcpClient();
            await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken).AsTask());
        }

        await using var inbound = await NodeAsync("inbound", "node-inbound", endpoint);
        using var connected = new TcpClient();
        await connected.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        connected.Connected.ShouldBeTrue();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
