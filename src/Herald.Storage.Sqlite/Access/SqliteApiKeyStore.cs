using Herald.Core.Access;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Access;

/// <summary>API keys in the store's SQLite file: writes through its one writer, reads on pooled reader connections.</summary>
public sealed class SqliteApiKeyStore(SqliteStore store) : IApiKeyStore
{
    private readonly string _readers = SqliteConnections.ReaderConnectionString(store.DatabasePath);

    public Task AddAsync(StoredApiKey key, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<bool>(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, name, scopes, secret_hash, created_at, revoked_at) VALUES ($id, $name, $scopes, $hash, $created, NULL)";
            command.Parameters.AddWithValue("$id", key.Key.Id);
            command.Parameters.AddWithValue("$name", key.Key.Name);
            command.Parameters.AddWithValue("$scopes", string.Join(' ', key.Key.Scopes));
            command.Parameters.AddWithValue("$hash", key.SecretHash);
            command.Parameters.AddWithValue("$created", UnixMs.From(key.Key.CreatedAt));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken));

    public async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        await using var connection = await SqliteConnections.OpenReaderAsync(_readers, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, scopes, created_at, revoked_at, secret_hash FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? new StoredApiKey(Read(r), r.GetString(5)) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        await using var connection = await SqliteConnections.OpenReaderAsync(_readers, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at, id";
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKey>();
        while (await r.ReadAsync(cancellationToken))
        {
            keys.Add(Read(r));
        }

        return keys;
    }

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<bool>(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", UnixMs.From(at));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken));

    private static ApiKey Read(SqliteDataReader r) => new(r.GetString(0), r.GetString(1),
        r.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries), UnixMs.To(r.GetInt64(3)), r.IsDBNull(4) ? null : UnixMs.To(r.GetInt64(4)));
}
