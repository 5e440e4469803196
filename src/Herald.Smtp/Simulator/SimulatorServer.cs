using System.Net;
using Herald.Smtp.DevMailbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmtpServer.ComponentModel;

namespace Herald.Smtp.Simulator;

/// <summary>
/// The bounce simulator (as Amazon SES's and Postmark's mailbox simulators, but a real SMTP peer on this machine):
/// a server on 127.0.0.1 for <see cref="SimulatorAddresses.Domain"/> whose local parts answer with the replies and
/// reports of real failures, which reach Herald through its ordinary transport and its inbound listener.
/// Never listens on another address.
/// </summary>
public sealed class SimulatorServer : IHostedService, IDisposable
{
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SimulatorMailer _mailer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Net.Sockets.TcpListener? _reserved;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private Task? _mailing;

    /// <param name="feedbackEndpoint">Where reports go: the server that takes mail for the Return-Paths' domain.</param>
    public SimulatorServer(IOptions<SimulatorOptions> options, TimeProvider time, ILogger<SimulatorServer> logger, Func<IPEndPoint?> feedbackEndpoint)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _mailer = new SimulatorMailer(_options, feedbackEndpoint, time, logger);
        // Chosen (and bound) now, not at start, so that the route to the simulator can be configured before it runs.
        _reserved = _options.Port != 0 ? null : LoopbackPorts.Reserve();
        Port = _reserved is null ? _options.Port : LoopbackPorts.PortOf(_reserved);
    }

    /// <summary>The route Herald gives mail for the simulator's domain.</summary>
    public const string RouteName = "simulator";

    /// <summary>The port on 127.0.0.1 the simulator listens on once started.</summary>
    public int Port { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("the bounce simulator is already started");
        }

        var endpoint = new IPEndPoint(IPAddress.Loopback, Port);
        var serverOptions = new SmtpServer.SmtpServerOptionsBuilder()
            .ServerName("mx." + SimulatorAddresses.Domain)
            .Endpoint(b => b.Endpoint(endpoint))
            .Build();
        var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceProvider();
        services.Add(new NoDelayEndpointListenerFactory(bound.SetResult, _reserved));
        services.Add(new SimulatorMailboxFilter());
        services.Add(new SimulatorMessageStore(_mailer, _options, _time));
        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _running = _server.StartAsync(CancellationToken.None);
        // If the listener fails (port taken), StartAsync faults before the endpoint starts.
        await (await Task.WhenAny(bound.Task, _running).WaitAsync(cancellationToken));
        _mailing = _mailer.RunAsync(_stopping.Token);
        SimulatorLog.Listening(_logger, endpoint.ToString(), SimulatorAddresses.Domain);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(cancellationToken);
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken);
        }

        if (_mailing is not null)
        {
            await _mailing.WaitAsync(cancellationToken);
        }

        _server = null;
    }

    public void Dispose()
    {
        // Registered as itself and as a hosted service, so the container may dispose it twice.
        _server?.Shutdown();
        _server = null;
        _reserved?.Stop(); // never started: the reserved port is let go (once started, the server owns the listener)
        _stopping.Dispose();
    }
}
