using System.Collections.Concurrent;
using Herald.Core.Inbound;

namespace Herald.Server.Tests.Providers;

internal sealed class RecordingEventSink : IProviderEventSink
{
    private int _failuresLeft;

    public ConcurrentQueue<ProviderEvent> Events { get; } = new();

    public void FailNext(int times) => _failuresLeft = times;

    public ValueTask HandleAsync(ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("storage is down");
        }

        Events.Enqueue(providerEvent);
        return ValueTask.CompletedTask;
    }
}
