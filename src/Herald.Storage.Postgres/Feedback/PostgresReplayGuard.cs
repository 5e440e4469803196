using Dapper;
using Herald.Core.Inbound;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>
/// Provider event ids in the shared database: an event applied by one node is a replay on every node. The insert is
/// atomic (ON CONFLICT), so two nodes receiving the same retry at once cannot both apply it.
/// </summary>
public sealed class PostgresReplayGuard(PostgresStore store) : IReplayGuard
{
    public async ValueTask<bool> TryRememberAsync(string provider, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        // An expired row is taken over: the provider's own retry window is over, so this is a new delivery.
        await store.WriteAsync((c, tx) => c.ExecuteAsync(
            "INSERT INTO replay_guard (provider, id, expires_at) VALUES (@provider, @id, @expires) " +
            "ON CONFLICT (provider, id) DO UPDATE SET expires_at = excluded.expires_at WHERE replay_guard.expires_at <= @now",
            new { provider, id, expires = UnixMs.From(expiresAt), now = UnixMs.From(store.TimeProvider.GetUtcNow()) }, tx),
            durable: true, cancellationToken) == 1;

    public async ValueTask ForgetAsync(string provider, string id, CancellationToken cancellationToken) =>
        await store.WriteAsync((c, tx) => c.ExecuteAsync(
            "DELETE FROM replay_guard WHERE provider = @provider AND id = @id", new { provider, id }, tx), durable: true, cancellationToken);
}
