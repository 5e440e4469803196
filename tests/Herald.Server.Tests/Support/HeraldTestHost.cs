using System.Net.Http.Json;
using System.Text.Json;
using Herald.Core.Access;
using Herald.Core.Queue;
using Herald.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Tests.Support;

/// <summary>A real Herald (Kestrel on 127.0.0.1, SQLite in a temp folder) relaying to a real SMTP server on 127.0.0.1.</summary>
internal sealed class HeraldTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeraldTestHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public IMessageStore Store => _app.Services.GetRequiredService<IMessageStore>();

    /// <param name="smtpPort">Relay everything to this port on 127.0.0.1; null runs the development mailbox.</param>
    /// <param name="environment">
    /// The host's environment. Development by default: the shipped <c>.localhost</c> domains the tests rely on are a
    /// configuration problem in Production once mail leaves the machine.
    /// </param>
    public static async Task<HeraldTestHost> StartAsync(
        int? smtpPort, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        var data = Directory.CreateTempSubdirectory("herald-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Herald:DataDirectory"] = data,
            ["Herald:Delivery:IdlePoll"] = "00:00:00.200",
            ["Herald:Inbound:Endpoint"] = "127.0.0.1:0",
        };
        if (smtpPort is { } port)
        {
            config["Herald:Smtp:LocalDomain"] = "herald.test";
            config["Herald:Smtp:Routes:default:Kind"] = "Relay";
            config["Herald:Smtp:Routes:default:Host"] = "127.0.0.1";
            config["Herald:Smtp:Routes:default:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            config["Herald:Smtp:Routes:default:StartTls"] = "None";
            config["Herald:Smtp:Routes:default:Timeout"] = "00:00:03";
        }

        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var app = HeraldServer.Build([$"--environment={environment}"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var host = new HeraldTestHost(app, data);
        // Every call of the suites goes with a key of every scope, as an application's would; the access tests make their own.
        var created = (KeyCreation.Created)await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("tests", Scopes.All, CancellationToken.None);
        host.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created.Token);
        await host.WaitUntilReadyAsync();
        return host;
    }

    public async Task<JsonElement> SendAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("/v1/messages", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        ((int)response.StatusCode).ShouldBe(202, json.ToString());
        return json;
    }

    public async Task<JsonElement> GetMessageAsync(string id) =>
        await Http.GetFromJsonAsync<JsonElement>($"/v1/messages/{id}");

    /// <summary>Polls until the message reaches <paramref name="status"/> (the workers run for real).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        JsonElement message;
        do
        {
            message = await GetMessageAsync(id);
            if (message.GetProperty("status").GetString() == status)
            {
                return message;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);

        throw new ShouldAssertException($"message {id} did not reach '{status}': {message}");
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            // Started means the workers run; other checks (a disk-space threshold a test sets on purpose) may still fail.
            using var response = await Http.GetAsync("/healthz/ready");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            // A node without the delivery role has no workers check: ready is then the whole answer.
            if (body.GetProperty("checks").TryGetProperty("workers", out var workers)
                ? workers.GetProperty("status").GetString() == "healthy"
                : response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException("Herald did not become ready");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
