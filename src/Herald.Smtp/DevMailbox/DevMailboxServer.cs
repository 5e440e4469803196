using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmtpServer.ComponentModel;

namespace Herald.Smtp.DevMailbox;

/// <summary>
/// An SMTP sink on 127.0.0.1 for development and tests: accepts every message and keeps the last ones in memory
/// (like MailHog or smtp4dev, in process). Never listens on another address.
/// </summary>
public sealed class DevMailboxServer : IHostedService, IDisposable
{
    private readonly DevMailboxOptions options;
    private readonly MessageRing ring;
    private readonly TimeProvider time;
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public DevMailboxServer(IOptions<DevMailboxOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        ring = new MessageRing(this.options.Capacity);
        // The port is chosen now, not at start, so that a route to the mailbox can be configured before it runs.
        Port = this.options.Port != 0 ? this.options.Port : FreeLoopbackPort();
    }

    /// <summary>The port on 127.0.0.1 the mailbox listens on once started.</summary>
    public int Port { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            throw new InvalidOperationException("the development mailbox is already started");
        }

        var serverOptions = new SmtpServer.SmtpServerOptionsBuilder()
            .ServerName("herald-dev-mailbox")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceProvider();
        services.Add(new NoDelayEndpointListenerFactory(bound.SetResult));
        services.Add(new CapturingMessageStore(ring, time));
        server = new SmtpServer.SmtpServer(serverOptions, services);
        running = server.StartAsync(CancellationToken.None);
        // If the listener fails (port taken), StartAsync faults before the endpoint starts.
        await (await Task.WhenAny(bound.Task, running).WaitAsync(cancellationToken));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await server.ShutdownTask.WaitAsync(cancellationToken);
        if (running is not null)
        {
            await running.WaitAsync(cancellationToken);
        }

        server = null;
    }

    /// <summary>The kept messages, newest first.</summary>
    public IReadOnlyList<CapturedMessage> List() => ring.List();

    public CapturedMessage? Get(string id) => ring.Get(id);

    public void Clear() => ring.Clear();

    /// <summary>
    /// The newest kept message that matches, or else the next matching one to arrive: for tests of code that
    /// delivers in the background. Bound the wait with the token.
    /// </summary>
    public Task<CapturedMessage> WaitForAsync(Func<CapturedMessage, bool> match, CancellationToken cancellationToken) =>
        ring.WaitForAsync(match, cancellationToken);

    public void Dispose() => server?.Shutdown();

    private static int FreeLoopbackPort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
