using Herald.Smtp.Inbound;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Inbound;

/// <summary>Starts the bounce listener with <c>herald serve</c> and stops it (draining sessions) at shutdown.</summary>
internal sealed class BounceListenerHost(BounceListener listener) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => listener.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => listener.StopAsync(cancellationToken);
}
