using Herald.Core.Lifecycle;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>Size and contents of the store, read on a reader connection (it counts whole tables: for the operator's command, not a hot path).</summary>
internal sealed class InventoryReads(string path)
{
    /// <summary>The column that dates each table's rows; tables not listed (added later) are counted without a date.</summary>
    private static readonly Dictionary<string, string> TimeColumns = new(StringComparer.Ordinal)
    {
        ["messages"] = "created_at",
        ["events"] = "time",
        ["recipients"] = "created_at",
        ["recipient_addresses"] = "added_at",
        ["recipient_preferences"] = "changed_at",
        ["verification_tokens"] = "created_at",
        ["verification_requests"] = "requested_at",
        ["address_ledger"] = "updated_at",
        ["address_history"] = "time",
        ["block_hits"] = "time",
        ["domain_incidents"] = "first_at",
        ["webhook_outbox"] = "created_at",
        ["api_keys"] = "created_at",
        ["erased_suppressions"] = "erased_at",
        ["erasures"] = "at",
        ["portal_links"] = "created_at",
        ["operators"] = "created_at",
    };

    private readonly string _connectionString = SqliteConnections.ReaderConnectionString(path);

    public async Task<StoreInventory> ReadAsync(CancellationToken cancellationToken)
    {
        await using var c = await SqliteConnections.OpenReaderAsync(_connectionString, cancellationToken);
        var names = new List<string>();
        await using (var list = c.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var r = await list.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                names.Add(r.GetString(0));
            }
        }

        var tables = new List<TableInventory>();
        foreach (var name in names)
        {
            await using var command = c.CreateCommand();
            var time = TimeColumns.GetValueOrDefault(name);
            // Names come from sqlite_master, not from a caller; quoted all the same.
            command.CommandText = $"SELECT count(*), {(time is null ? "NULL" : $"min(\"{time}\")")} FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            await r.ReadAsync(cancellationToken);
            tables.Add(new TableInventory(name, r.GetInt64(0), r.IsDBNull(1) ? null : UnixMs.To(r.GetInt64(1))));
        }

        var free = ReclaimOp.Pragma(c, "freelist_count") * ReclaimOp.Pragma(c, "page_size");
        var bytes = new[] { path, path + "-wal", path + "-shm" }.Select(f => new FileInfo(f)).Where(f => f.Exists).Sum(f => f.Length);
        return new StoreInventory(Path.GetFullPath(path), bytes, free, tables);
    }
}
