using Dapper;
using Herald.Core.Lifecycle;
using Npgsql;

namespace Herald.Storage.Postgres.Lifecycle;

/// <summary>
/// Retention and size of the PostgreSQL store. Deletes go in small batches, each its own transaction not waiting for
/// the WAL flush (a lost prune is done again by the next pass). Space: PostgreSQL's autovacuum makes deleted rows'
/// space reusable, so <see cref="ReclaimAsync"/> gives nothing back itself (0); shrinking files is a VACUUM FULL or
/// pg_repack the operator schedules (docs/storage.md).
/// </summary>
public sealed class PostgresStoreMaintenance(PostgresStore store) : IStoreMaintenance
{
    /// <summary>The column that dates each table's rows (as in the SQLite store's inventory).</summary>
    private static readonly Dictionary<string, string> TimeColumns = new(StringComparer.Ordinal)
    {
        ["messages"] = "created_at", ["events"] = "time", ["recipients"] = "created_at", ["recipient_addresses"] = "added_at",
        ["recipient_preferences"] = "changed_at", ["verification_tokens"] = "created_at", ["verification_requests"] = "requested_at",
        ["address_ledger"] = "updated_at", ["address_history"] = "time", ["block_hits"] = "time", ["domain_incidents"] = "first_at",
        ["webhook_outbox"] = "created_at", ["api_keys"] = "created_at", ["erased_suppressions"] = "erased_at", ["erasures"] = "at",
        ["portal_links"] = "created_at", ["operators"] = "created_at",
    };

    public Task<PruneBatch> PruneAsync(RetentionCutoffs cutoffs, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return store.WriteAsync((c, tx) => PruneRows.RunAsync(c, tx, cutoffs, limit), durable: false, cancellationToken);
    }

    public Task<long> ReclaimAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<StoreInventory> InventoryAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(async c =>
        {
            var names = (await c.QueryAsync<string>(new CommandDefinition(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"",
                cancellationToken: cancellationToken))).ToList();
            var tables = new List<TableInventory>();
            foreach (var name in names)
            {
                var time = TimeColumns.GetValueOrDefault(name);
                // Names come from the catalogue, not from a caller; quoted all the same.
                var row = await c.QuerySingleAsync<(long Rows, long? Oldest)>(new CommandDefinition(
                    $"SELECT count(*), {(time is null ? "NULL::bigint" : $"min(\"{time}\")")} FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
                    cancellationToken: cancellationToken));
                tables.Add(new TableInventory(name, row.Rows, UnixMs.To(row.Oldest)));
            }

            var bytes = await c.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())");
            var builder = new NpgsqlConnectionStringBuilder(c.ConnectionString);
            return new StoreInventory($"postgres://{builder.Host}:{builder.Port}/{builder.Database}", bytes, 0, tables);
        }, cancellationToken);
}
