using Herald.Core.Lifecycle;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>Erasure on the SQLite store, through its one writer; the writer's <c>secure_delete</c> zeroes what it deletes.</summary>
public sealed class SqliteErasureStore(SqliteStore store) : IErasureStore
{
    private readonly string _connectionString = SqliteConnections.ReaderConnectionString(store.DatabasePath);

    public Task<ErasureReceipt> EraseAsync(Erasure erasure, CancellationToken cancellationToken) =>
        store.SubmitAsync(new EraseOp(erasure, cancellationToken));

    public async Task<ErasedSuppression?> ErasedSuppressionAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        await using var connection = await SqliteConnections.OpenReaderAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason, since, expires_at FROM erased_suppressions WHERE fingerprint = $f";
        command.Parameters.AddWithValue("$f", fingerprint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return ErasureRows.Read(reader);
    }
}
