using Herald.Core.Access;

namespace Herald.Storage.Sqlite.Access;

/// <summary>Support-console operators in the store's SQLite file: writes through its one writer, reads on pooled readers.</summary>
public sealed class SqliteOperatorStore(SqliteStore store) : IOperatorStore
{
    private readonly string _readers = SqliteConnections.ReaderConnectionString(store.DatabasePath);

    public Task<bool> AddAsync(OperatorAccount account, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<bool>(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "INSERT INTO operators (name, password_hash, created_at) VALUES ($name, $hash, $created) ON CONFLICT (name) DO NOTHING";
            command.Parameters.AddWithValue("$name", account.Name);
            command.Parameters.AddWithValue("$hash", account.PasswordHash);
            command.Parameters.AddWithValue("$created", UnixMs.From(account.CreatedAt));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken));

    public async Task<OperatorAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        await using var connection = await SqliteConnections.OpenReaderAsync(_readers, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, password_hash, created_at FROM operators WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? new OperatorAccount(r.GetString(0), r.GetString(1), UnixMs.To(r.GetInt64(2))) : null;
    }

    public Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<bool>(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "UPDATE operators SET password_hash = $hash WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$hash", passwordHash);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken));
}
