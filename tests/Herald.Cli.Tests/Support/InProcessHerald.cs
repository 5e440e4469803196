using Herald.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Cli.Tests.Support;

/// <summary>A real Herald on 127.0.0.1 (temp SQLite, development mailbox in Development, every port chosen by the OS) for CLI tests.</summary>
internal sealed class InProcessHerald : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("herald-cli-").FullName;
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    /// <param name="settings">More settings (e.g. the doctor's DNS server), over the defaults.</param>
    public async Task StartAsync(Dictionary<string, string?>? settings = null)
    {
        _app = HeraldServer.Build(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Herald:DataDirectory"] = _data,
                ["Herald:Inbound:Endpoint"] = "127.0.0.1:0",
                ["Herald:Smtp:DevMailbox:Port"] = "0",
            });
            builder.Configuration.AddInMemoryCollection(settings ?? []);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
