using System.Data.Common;
using Dapper;
using Herald.Core.Access;

namespace Herald.Storage.Postgres.Access;

/// <summary>API keys in the shared database: a key made or revoked on one node holds on every node at once.</summary>
public sealed class PostgresApiKeyStore(PostgresStore store) : IApiKeyStore
{
    public Task AddAsync(StoredApiKey key, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => c.ExecuteAsync(
            "INSERT INTO api_keys (id, name, scopes, secret_hash, created_at, revoked_at) VALUES (@id, @name, @scopes, @hash, @created, NULL)",
            new { id = key.Key.Id, name = key.Key.Name, scopes = string.Join(' ', key.Key.Scopes), hash = key.SecretHash, created = UnixMs.From(key.Key.CreatedAt) },
            tx), durable: true, cancellationToken);

    public Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken) =>
        store.ReadAsync(async c =>
        {
            await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
                "SELECT id, name, scopes, created_at, revoked_at, secret_hash FROM api_keys WHERE id = @id", new { id }, cancellationToken: cancellationToken));
            return await r.ReadAsync(cancellationToken) ? new StoredApiKey(Read(r), r.GetString(5)) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<ApiKey>>(async c =>
        {
            await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
                "SELECT id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
            var keys = new List<ApiKey>();
            while (await r.ReadAsync(cancellationToken))
            {
                keys.Add(Read(r));
            }

            return keys;
        }, cancellationToken);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await store.WriteAsync((c, tx) => c.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", new { id, at = UnixMs.From(at) }, tx),
            durable: true, cancellationToken) == 1;

    private static ApiKey Read(DbDataReader r) => new(r.GetString(0), r.GetString(1),
        r.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries), UnixMs.To(r.GetInt64(3)), r.IsDBNull(4) ? null : UnixMs.To(r.GetInt64(4)));
}
