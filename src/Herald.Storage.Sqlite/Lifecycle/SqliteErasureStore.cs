using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Herald.Storage.Sqlite.Feedback;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>Erasure on the SQLite store, through its one writer; the writer's <c>secure_delete</c> zeroes what it deletes.</summary>
public sealed class SqliteErasureStore(SqliteStore store) : IErasureStore
{
    private readonly string _connectionString = SqliteConnections.ReaderConnectionString(store.DatabasePath);

    public Task<ErasureReceipt> EraseAsync(Erasure erasure, CancellationToken cancellationToken) =>
        store.SubmitAsync(new EraseOp(erasure, cancellationToken));

    public async Task<LedgerAndKept> LedgerAndKeptAsync(string address, string fingerprint, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        await using var connection = await SqliteConnections.OpenReaderAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement, so both come from one snapshot.
        command.CommandText = "SELECT l.ledger_json, e.reason, e.since, e.expires_at FROM (SELECT 1) AS one " +
            "LEFT JOIN address_ledger l ON l.address = $a LEFT JOIN erased_suppressions e ON e.fingerprint = $f";
        command.Parameters.AddWithValue("$a", address.ToLowerInvariant());
        command.Parameters.AddWithValue("$f", fingerprint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerAndKept(reader.IsDBNull(0) ? AddressLedger.Empty(address) : LedgerJson.Read(reader.GetString(0)), ErasureRows.Kept(reader, 1));
    }
}
