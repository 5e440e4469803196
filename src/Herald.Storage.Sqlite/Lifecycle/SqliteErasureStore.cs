using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Herald.Storage.Sqlite.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>Erasure on the SQLite store, through its one writer; the writer's <c>secure_delete</c> zeroes what it deletes.</summary>
public sealed class SqliteErasureStore(SqliteStore store) : IErasureStore
{
    private readonly string _connectionString = SqliteConnections.ReaderConnectionString(store.DatabasePath);

    public Task<ErasureReceipt> EraseAsync(Erasure erasure, CancellationToken cancellationToken) =>
        store.SubmitAsync(new EraseOp(erasure, cancellationToken));

    public async Task<IReadOnlyList<LedgerAndKept>> LedgersAndKeptAsync(IReadOnlyList<ErasedAddress> addresses, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        await using var connection = await SqliteConnections.OpenReaderAsync(_connectionString, cancellationToken);
        // In process, a read is no round trip: one prepared statement per address, each reading both from one snapshot.
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT l.ledger_json, e.reason, e.since, e.expires_at FROM (SELECT 1) AS one " +
            "LEFT JOIN address_ledger l ON l.address = $a LEFT JOIN erased_suppressions e ON e.fingerprint = $f";
        var address = command.Parameters.Add("$a", SqliteType.Text);
        var fingerprint = command.Parameters.Add("$f", SqliteType.Text);
        var results = new List<LedgerAndKept>(addresses.Count);
        foreach (var x in addresses)
        {
            address.Value = x.Address.ToLowerInvariant();
            fingerprint.Value = x.Fingerprint;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            results.Add(new LedgerAndKept(reader.IsDBNull(0) ? AddressLedger.Empty(x.Address) : LedgerJson.Read(reader.GetString(0)), ErasureRows.Kept(reader, 1)));
        }

        return results;
    }
}
