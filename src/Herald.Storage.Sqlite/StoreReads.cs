using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Read queries on pooled WAL reader connections: they see the last committed batch and never wait for the writer.</summary>
internal sealed class StoreReads(string path)
{
    /// <summary>
    /// Free jobs: per priority, the first unleased row of the claim index (the few leased rows are skipped).
    /// Leased jobs are due when their lease expires (a crashed worker), found through the small leased index
    /// (INDEXED BY: without statistics the planner would rather scan the whole claim index).
    /// </summary>
    private static readonly string NextDueSql =
        "SELECT MIN(t) FROM (" +
        string.Concat(Enum.GetValues<Priority>().Select(p =>
            "SELECT (SELECT next_attempt_at FROM messages WHERE status IN ('queued', 'deferred') AND priority = " +
            ((int)p).ToString(System.Globalization.CultureInfo.InvariantCulture) + " AND priority <= $lowest " +
            "AND lease_token IS NULL ORDER BY next_attempt_at LIMIT 1) AS t UNION ALL ")) +
        "SELECT MIN(MAX(lease_expires_at, next_attempt_at)) FROM messages INDEXED BY ix_messages_leased " +
        "WHERE lease_token IS NOT NULL AND status IN ('queued', 'deferred') AND priority <= $lowest)";

    private readonly string _connectionString = SqliteConnections.ReaderConnectionString(path);

    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public async Task<StoredMessage?> GetAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // column is one of our own constants (id, return_path), never caller input.
        command.CommandText = "SELECT " + MessageRows.Columns + " FROM messages WHERE " + column + " = $value";
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? MessageRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<DeliveryEvent>> TimelineAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + EventRows.Columns + " FROM events WHERE message_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<DeliveryEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(EventRows.Read(reader));
        }

        return events;
    }

    public async Task<MessagePage> ByRecipientAsync(string address, int limit, string? before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var cursor = before is null ? (RecipientCursor?)null : RecipientCursor.Decode(before);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Keyset paging on (created_at, id): stable under concurrent inserts, and each page is an index range scan.
        command.CommandText = "SELECT " + MessageRows.Columns + " FROM messages WHERE to_address_lower = $address " +
            (cursor is null ? "" : "AND (created_at < $created OR (created_at = $created AND id < $id)) ") +
            "ORDER BY created_at DESC, id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$address", address.ToLowerInvariant());
        command.Parameters.AddWithValue("$limit", limit + 1);
        if (cursor is { } c)
        {
            command.Parameters.AddWithValue("$created", c.CreatedAtMs);
            command.Parameters.AddWithValue("$id", c.Id);
        }

        var items = new List<StoredMessage>(Math.Min(limit + 1, 256));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(MessageRows.Read(reader));
            }
        }

        if (items.Count <= limit)
        {
            return new MessagePage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new MessagePage(items, new RecipientCursor(UnixMs.From(last.CreatedAt), last.Id).Encode());
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(Priority lowestPriority, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = NextDueSql;
        command.Parameters.AddWithValue("$lowest", (int)lowestPriority);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long ms ? UnixMs.To(ms) : null;
    }

    /// <summary>
    /// One pass over the claim index's rows (a partial index of the waiting messages only), so its cost follows the
    /// backlog, not the history kept in the table.
    /// </summary>
    public async Task<IReadOnlyList<QueueDepth>> DepthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT priority, COUNT(*), MIN(created_at) FROM messages INDEXED BY ix_messages_claim " +
            "WHERE status IN ('queued', 'deferred') GROUP BY priority";
        var found = new Dictionary<Priority, QueueDepth>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var priority = (Priority)reader.GetInt32(0);
                found[priority] = new QueueDepth(priority, reader.GetInt64(1), UnixMs.To(reader.GetInt64(2)));
            }
        }

        return Enum.GetValues<Priority>().Select(p => found.GetValueOrDefault(p) ?? new QueueDepth(p, 0, null)).ToList();
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenReaderAsync(_connectionString, cancellationToken);
}
