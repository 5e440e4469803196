using Herald.Core.Inbound;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Provider event ids remembered in the database, so an event is applied once even when the provider retries after a
/// restart of Herald (the in-memory guard forgets everything at a restart).
/// </summary>
public sealed class SqliteReplayGuard(SqliteStore store) : IReplayGuard
{
    public ValueTask<bool> TryRememberAsync(string provider, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        new(store.SubmitAsync(new ReplayOp(provider, id, expiresAt, cancellationToken)));

    public async ValueTask ForgetAsync(string provider, string id, CancellationToken cancellationToken) =>
        await store.SubmitAsync(new ReplayOp(provider, id, null, cancellationToken));
}
