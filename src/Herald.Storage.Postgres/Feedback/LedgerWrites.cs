using Dapper;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Npgsql;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>
/// SQL for the ledger, incidents, history and outbox inside one transaction. Several nodes update ledgers at once, so a
/// read-decide-write of one address first takes a transaction-scoped advisory lock on it (the row may not exist yet,
/// so a row lock would not do): two bounces for one address on two nodes are applied one after the other, as SQLite's
/// one writer applies them.
/// </summary>
internal static class LedgerWrites
{
    public static async Task<AddressLedger> LockAndReadAsync(NpgsqlConnection c, NpgsqlTransaction tx, string address)
    {
        var lower = address.ToLowerInvariant();
        await c.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name = "ledger:" + lower }, tx);
        var json = await c.QuerySingleOrDefaultAsync<string?>("SELECT ledger_json FROM address_ledger WHERE address = @a", new { a = lower }, tx);
        return json is null ? AddressLedger.Empty(address) : LedgerJson.Read(json);
    }

    public static Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, AddressLedger ledger, DateTimeOffset now)
    {
        var s = ledger.Suspension;
        return c.ExecuteAsync(
            "INSERT INTO address_ledger (address, state, reason, since, expires_at, ledger_json, updated_at) " +
            "VALUES (@a, @state, @reason, @since, @expires, @json, @now) ON CONFLICT (address) DO UPDATE SET state = excluded.state, " +
            "reason = excluded.reason, since = excluded.since, expires_at = excluded.expires_at, ledger_json = excluded.ledger_json, " +
            "updated_at = excluded.updated_at",
            new
            {
                a = ledger.Address.ToLowerInvariant(),
                state = s is null ? "active" : "suspended",
                reason = s?.Reason.ToWire(),
                since = UnixMs.From(s?.Since),
                expires = UnixMs.From(s?.ExpiresAt),
                json = LedgerJson.Write(ledger),
                now = UnixMs.From(now),
            }, tx);
    }

    public static async Task AppendAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var e in entries)
        {
            await c.ExecuteAsync(
                "INSERT INTO address_history (address, time, action, reason, actor, detail, message_id) VALUES (@a, @t, @action, @reason, @actor, @detail, @mid)",
                new { a = e.Address.ToLowerInvariant(), t = UnixMs.From(e.Time), action = e.Action, reason = e.Reason, actor = e.Actor, detail = StorableText.Of(e.Detail), mid = e.MessageId },
                tx);
        }
    }

    public static async Task OutboxAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<OutboxMessage> rows)
    {
        foreach (var row in rows)
        {
            await c.ExecuteAsync(
                "INSERT INTO webhook_outbox (id, endpoint, type, payload, created_at, attempts, next_attempt_at, address) " +
                "VALUES (@id, @endpoint, @type, @payload, @created, 0, @created, @address)",
                new { id = row.Id, endpoint = row.Endpoint, type = row.Type, payload = row.Payload, created = UnixMs.From(row.CreatedAt), address = row.Address?.ToLowerInvariant() }, tx);
        }
    }

    /// <summary>
    /// Corrects a final message's status (a late bounce or complaint) while it is in one of the change's statuses, and
    /// keeps the reported status for an attempt still in flight, which settles on it when it commits. Always writing
    /// the row takes its lock, which orders this with that commit (QueueWrites.CompleteAsync).
    /// </summary>
    public static Task StatusChangeAsync(NpgsqlConnection c, NpgsqlTransaction tx, MessageStatusChange change, DateTimeOffset now) =>
        c.ExecuteAsync(
            "UPDATE messages SET " +
            "reported_status = CASE WHEN reported_status IS NULL OR reported_status = ANY(@from) THEN @to ELSE reported_status END, " +
            "updated_at = CASE WHEN status = ANY(@from) THEN @now ELSE updated_at END, " +
            "version = CASE WHEN status = ANY(@from) THEN version + 1 ELSE version END, " +
            "status = CASE WHEN status = ANY(@from) THEN @to ELSE status END " +
            "WHERE id = @id",
            new { to = change.To.ToWire(), now = UnixMs.From(now), id = change.MessageId, from = change.From.Select(s => s.ToWire()).ToArray() }, tx);
}
