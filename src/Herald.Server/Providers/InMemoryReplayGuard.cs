using System.Collections.Concurrent;
using Herald.Core.Inbound;

namespace Herald.Server.Providers;

/// <summary>
/// Process-local <see cref="IReplayGuard"/> for tests and single-node setups. Forgets everything on restart, so a
/// replay across a restart is caught only by the storage-backed guard.
/// </summary>
public sealed class InMemoryReplayGuard(TimeProvider time) : IReplayGuard
{
    private readonly ConcurrentDictionary<(string Provider, string Id), DateTimeOffset> _seen = new();

    public ValueTask<bool> TryRememberAsync(string provider, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > 10_000)
        {
            foreach (var (key, expiry) in _seen)
            {
                if (expiry <= now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        var entry = (provider, id);
        while (true)
        {
            if (_seen.TryAdd(entry, expiresAt))
            {
                return ValueTask.FromResult(true);
            }

            if (_seen.TryGetValue(entry, out var existing) && existing > now)
            {
                return ValueTask.FromResult(false);
            }

            // Expired: replace it, unless another caller just did.
            if (_seen.TryUpdate(entry, expiresAt, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    public ValueTask ForgetAsync(string provider, string id, CancellationToken cancellationToken)
    {
        _seen.TryRemove((provider, id), out _);
        return ValueTask.CompletedTask;
    }
}
