using System.Collections.Concurrent;
using System.Net;
using System.Security.Authentication;
using Herald.Core.Inbound;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.ComponentModel;

namespace Herald.Smtp.Inbound;

/// <summary>
/// The SMTP listener for bounces, auto-replies and complaints sent to Herald's VERP Return-Paths. Built on the
/// SmtpServer library; this class adds Herald's policy: RCPT only for issued Return-Paths, a size limit enforced
/// while reading, recipient/line/session/connection limits, and refusal of bare CR/LF (SMTP smuggling).
/// Accepted messages go to <see cref="IInboundMailSink"/>; the peer gets 250 only after the sink returned.
/// </summary>
public sealed class BounceListener : IAsyncDisposable
{
    private readonly BounceListenerOptions _options;
    private readonly ILogger _logger;
    private readonly ConnectionGate _gate;
    private readonly GatedEndpointListenerFactory _listenerFactory;
    private readonly SmtpServer.SmtpServer _server;
    private readonly ConcurrentQueue<long> _closedSessionBytes = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public BounceListener(
        BounceListenerOptions options,
        IReturnPathDirectory directory,
        IInboundMailSink sink,
        TimeProvider time,
        ILogger<BounceListener> logger)
    {
        _options = options;
        _logger = logger;
        _gate = new ConnectionGate(options.MaxConnections, options.MaxConnectionsPerClient);
        _listenerFactory = new GatedEndpointListenerFactory(options, _gate, time, logger, _closedSessionBytes.Enqueue);

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(options.ServerName)
            .Endpoint(builder =>
            {
                builder.Endpoint(options.Endpoint).SessionTimeout(options.SessionTimeout);
                if (options.Certificate is { } certificate)
                {
                    // STARTTLS is advertised only with a certificate. TLS 1.2 and 1.3 only (RFC 8996 retired 1.0 and 1.1).
                    builder.Certificate(certificate).SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                }
            })
            // Strict: SmtpServer stops buffering DATA once it holds more than the limit, SIZE= or not (RFC 1870 section 6).
            .MaxMessageSize(options.MaxMessageSize, MaxMessageSizeHandling.Strict)
            .MaxRetryCount(options.MaxErrors)
            .CommandWaitTimeout(options.CommandTimeout)
            .Build();

        var services = new ServiceProvider();
        services.Add(_listenerFactory);
        services.Add(new ReturnPathMailboxFilter(options, directory, logger));
        services.Add(new SinkMessageStore(options, sink, time, logger));

        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _server.SessionCompleted += (_, e) => CloseConnection(e.Context);
        _server.SessionFaulted += (_, e) => CloseConnection(e.Context);
        _server.SessionCancelled += (_, e) => CloseConnection(e.Context);
    }

    /// <summary>The address actually bound, known once <see cref="StartAsync"/> returned.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>Sessions open right now (for tests and metrics).</summary>
    internal int ActiveConnections => _gate.Active;

    /// <summary>Octets read from the socket by each closed session, in closing order (for tests and metrics).</summary>
    internal IReadOnlyCollection<long> ClosedSessionBytesRead => _closedSessionBytes;

    /// <summary>Binds the endpoint and starts accepting; returns once the socket is listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        _running = RunAsync();
        var first = await Task.WhenAny(_listenerFactory.Bound, _running).WaitAsync(cancellationToken);
        if (first == _running)
        {
            await _running; // surfaces the bind error
        }

        LocalEndPoint = await _listenerFactory.Bound;
        InboundLog.Listening(_logger, LocalEndPoint.ToString());
    }

    /// <summary>Stops accepting and ends open sessions.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_running is null)
        {
            return;
        }

        _server.Shutdown();
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await _server.StartAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Normal stop.
        }
        catch (Exception ex) when (!_listenerFactory.Bound.IsCompleted)
        {
            InboundLog.ServerFaulted(_logger, ex);
            throw;
        }
    }

    private static void CloseConnection(ISessionContext context)
    {
        if (context.Properties.TryGetValue(SessionKeys.Connection, out var value) && value is InboundConnection connection)
        {
            connection.Dispose();
        }
    }
}
