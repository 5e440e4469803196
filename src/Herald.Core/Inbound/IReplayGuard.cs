namespace Herald.Core.Inbound;

/// <summary>
/// Remembers ids (webhook tokens, provider event ids) until they expire, so that each is accepted once.
/// The real implementation lives in storage; an in-memory one serves tests and single-node setups.
/// </summary>
public interface IReplayGuard
{
    /// <summary>Atomically remembers <paramref name="id"/>; false when it was already remembered and not yet expired.</summary>
    ValueTask<bool> TryRememberAsync(string provider, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets an id claimed by <see cref="TryRememberAsync"/> whose processing then failed, so the provider's retry is
    /// not dropped as a duplicate. Best effort; a guard that cannot forget keeps the default (no-op).
    /// </summary>
    ValueTask ForgetAsync(string provider, string id, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
