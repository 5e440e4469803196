using Dapper;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>Message look-ups and the recipient listing (keyset paging on created_at, id, as in SQLite).</summary>
internal static class MessageReads
{
    public static async Task<StoredMessage?> GetAsync(NpgsqlConnection c, string column, string value, CancellationToken ct)
    {
        // column is one of our own constants (id, return_path), never caller input.
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT " + MessageRows.Columns + " FROM " + MessageRows.From + " WHERE m." + column + " = @value", new { value }, cancellationToken: ct));
        return await reader.ReadAsync(ct) ? MessageRows.Read(reader) : null;
    }

    public static async Task<MessagePage> ByRecipientAsync(NpgsqlConnection c, string address, int limit, RecipientCursor? cursor, CancellationToken ct)
    {
        var items = new List<StoredMessage>(Math.Min(limit + 1, 256));
        await using (var reader = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT " + MessageRows.Columns + " FROM " + MessageRows.From + " WHERE m.to_address_lower = @address " +
            (cursor is null ? "" : "AND (m.created_at, m.id) < (@created, @id) ") +
            "ORDER BY m.created_at DESC, m.id DESC LIMIT @limit",
            new { address = address.ToLowerInvariant(), limit = limit + 1, created = cursor?.CreatedAtMs ?? 0, id = cursor?.Id ?? "" },
            cancellationToken: ct)))
        {
            while (await reader.ReadAsync(ct))
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
}
