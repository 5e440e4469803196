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
    private readonly DevMailboxOptions _options;
    private readonly MessageRing _ring;
    private readonly TimeProvider _time;
    private readonly System.Net.Sockets.TcpListener? _reserved;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public DevMailboxServer(IOptions<DevMailboxOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _ring = new MessageRing(_options.Capacity);
        // The port is chosen (and bound) now, not at start, so that a route to the mailbox can be configured before it runs.
        _reserved = _options.Port != 0 ? null : LoopbackPorts.Reserve();
        Port = _reserved is null ? _options.Port : LoopbackPorts.PortOf(_reserved);
    }

    /// <summary>The port on 127.0.0.1 the mailbox listens on once started.</summary>
    public int Port { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("the development mailbox is already started");
        }

        var serverOptions = new SmtpServer.SmtpServerOptionsBuilder()
            .ServerName("herald-dev-mailbox")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceProvider();
        services.Add(new NoDelayEndpointListenerFactory(bound.SetResult, _reserved));
        services.Add(new CapturingMessageStore(_ring, _time));
        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _running = _server.StartAsync(CancellationToken.None);
        // If the listener fails (port taken), StartAsync faults before the endpoint starts.
        await (await Task.WhenAny(bound.Task, _running).WaitAsync(cancellationToken));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(cancellationToken);
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken);
        }

        _server = null;
    }

    /// <summary>The kept messages, newest first.</summary>
    public IReadOnlyList<CapturedMessage> List() => _ring.List();

    public CapturedMessage? Get(string id) => _ring.Get(id);

    public void Clear() => _ring.Clear();

    /// <summary>
    /// The newest kept message that matches, or else the next matching one to arrive: for tests of code that
    /// delivers in the background. Bound the wait with the token.
    /// </summary>
    public Task<CapturedMessage> WaitForAsync(Func<CapturedMessage, bool> match, CancellationToken cancellationToken) =>
        _ring.WaitForAsync(match, cancellationToken);

    public void Dispose()
    {
        _server?.Shutdown();
        _reserved?.Stop(); // never started: the reserved port is let go (once started, the server owns the listener)
    }
}
