using System.Collections.Concurrent;
using Herald.Server.Providers;

namespace Herald.Server.Tests.Providers;

internal sealed class RecordingConfirmer : ISubscriptionConfirmer
{
    public ConcurrentQueue<Uri> Confirmed { get; } = new();

    public Task ConfirmAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        Confirmed.Enqueue(subscribeUrl);
        return Task.CompletedTask;
    }
}
