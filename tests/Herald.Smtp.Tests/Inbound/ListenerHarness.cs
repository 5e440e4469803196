using System.Net;
using Herald.Smtp.Inbound;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Smtp.Tests.Inbound;

/// <summary>A real <see cref="BounceListener"/> on 127.0.0.1, a free port, with a recording sink.</summary>
internal sealed class ListenerHarness : IAsyncDisposable
{
    public const string KnownReturnPath = "b-7f3a9c@bounces.example.com";
    public const string OtherReturnPath = "b-11aa22@bounces.example.com";

    private ListenerHarness(BounceListener listener, RecordingSink sink)
    {
        Listener = listener;
        Sink = sink;
    }

    public BounceListener Listener { get; }

    public RecordingSink Sink { get; }

    public IPEndPoint EndPoint => Listener.LocalEndPoint!;

    public static async Task<ListenerHarness> StartAsync(
        Func<BounceListenerOptions, BounceListenerOptions>? configure = null, TimeProvider? time = null, string[]? known = null)
    {
        var options = new BounceListenerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), ServerName = "mx.test" };
        options = configure?.Invoke(options) ?? options;
        var sink = new RecordingSink();
        var directory = new SetDirectory(known ?? [KnownReturnPath, OtherReturnPath]);
        var listener = new BounceListener(options, directory, sink, time ?? TimeProvider.System, NullLogger<BounceListener>.Instance);
        await listener.StartAsync(TestContext.Current.CancellationToken);
        return new ListenerHarness(listener, sink);
    }

    public Task<RawSmtpClient> ConnectAsync() => RawSmtpClient.ConnectAsync(EndPoint);

    /// <summary>Waits until the server side closed all sessions (the counters are updated on close).</summary>
    public async Task WaitForIdleAsync()
    {
        for (var i = 0; i < 200 && Listener.ActiveConnections > 0; i++)
        {
            await Task.Delay(25);
        }

        Listener.ActiveConnections.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await Listener.DisposeAsync();
}
