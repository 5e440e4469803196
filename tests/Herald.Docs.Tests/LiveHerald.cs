using Herald.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Docs.Tests;

/// <summary>
/// Herald as the README's quick start runs it (Development, the development mailbox, anonymous calls on loopback),
/// on 127.0.0.1 with ports the OS picks and a data folder of its own.
/// </summary>
internal sealed class LiveHerald : IAsyncDisposable
{
    private WebApplication? _app;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("herald-docs-").FullName;

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        _app = HeraldServer.Build(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Herald:DataDirectory"] = DataDirectory,
                ["Herald:Inbound:Endpoint"] = "127.0.0.1:0",
                ["Herald:Smtp:DevMailbox:Port"] = "0",
            });
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

        Directory.Delete(DataDirectory, recursive: true);
    }
}
