using Dapper;
using Herald.Core.Lifecycle;
using Herald.Storage.Postgres.Feedback;
using Npgsql;

namespace Herald.Storage.Postgres.Lifecycle;

/// <summary>
/// The retention deletes in one transaction, at most <c>limit</c> rows of each kind, oldest first, with the same
/// cut-offs and conditions as the SQLite store. Plain batched deletes: autovacuum reclaims the space for reuse.
/// </summary>
internal static class PruneRows
{
    public static async Task<PruneBatch> RunAsync(NpgsqlConnection c, NpgsqlTransaction tx, RetentionCutoffs cutoffs, int limit)
    {
        var now = UnixMs.From(cutoffs.Now);
        var messages = UnixMs.From(cutoffs.MessagesBefore);
        var evidence = UnixMs.From(cutoffs.EvidenceBefore);
        var history = UnixMs.From(cutoffs.HistoryBefore);
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = (await c.QueryAsync<string>(
            "SELECT id FROM messages WHERE created_at < @cut AND status NOT IN ('queued', 'deferred') ORDER BY created_at, id LIMIT @n FOR UPDATE SKIP LOCKED",
            new { cut = messages, n = limit }, tx)).ToArray();
        removed["messages"] = ids.Length;
        removed["events"] = ids.Length == 0 ? 0 : await c.ExecuteAsync("DELETE FROM events WHERE message_id = ANY(@ids)", new { ids }, tx);
        if (ids.Length > 0)
        {
            await c.ExecuteAsync("DELETE FROM messages WHERE id = ANY(@ids)", new { ids }, tx);
        }

        removed["webhook_outbox"] = await Where(c, tx, "webhook_outbox", "created_at < @cut AND next_attempt_at IS NULL AND lease_owner IS NULL", messages, limit, "seq");
        removed["address_history"] = await Where(c, tx, "address_history", "time < @cut", history, limit, "seq");
        removed["block_hits"] = await Where(c, tx, "block_hits", "time < @cut", evidence, limit, "seq");
        removed["domain_incidents"] = await Where(c, tx, "domain_incidents", "last_at < @cut", evidence, limit);
        removed["erasures"] = await Where(c, tx, "erasures", "at < @cut", history, limit);
        removed["address_ledger"] = await LedgersAsync(c, tx, cutoffs, history, now, limit);
        removed["erased_suppressions"] = await Where(c, tx, "erased_suppressions", "expires_at IS NOT NULL AND expires_at <= @cut", now, limit);
        removed["replay_guard"] = await Where(c, tx, "replay_guard", "expires_at <= @cut", now, limit);
        // Verification rows outlive their own window by the message retention, so an old link is still told "expired".
        removed["verification_tokens"] = await Where(c, tx, "verification_tokens", "expires_at < @cut", messages, limit);
        removed["verification_requests"] = await Where(c, tx, "verification_requests", "requested_at < @cut", messages, limit);
        removed["portal_links"] = await Where(c, tx, "portal_links", "expires_at < @cut", messages, limit);
        return new PruneBatch(removed);
    }

    /// <summary>Ledger rows untouched since the cut-off whose suspension, if any, is no longer in force (the ledger decides).</summary>
    private static async Task<int> LedgersAsync(NpgsqlConnection c, NpgsqlTransaction tx, RetentionCutoffs cutoffs, long cut, long now, int limit)
    {
        var rows = await c.QueryAsync<(string Address, string Json)>(
            "SELECT address, ledger_json FROM address_ledger WHERE updated_at < @cut " +
            "AND NOT (state = 'suspended' AND (expires_at IS NULL OR expires_at > @now)) LIMIT @n FOR UPDATE SKIP LOCKED", new { cut, now, n = limit }, tx);
        var doomed = rows.Where(r => LedgerJson.Read(r.Json).SuspensionAt(cutoffs.Now) is null).Select(r => r.Address).ToArray();
        return doomed.Length == 0 ? 0 : await c.ExecuteAsync("DELETE FROM address_ledger WHERE address = ANY(@doomed)", new { doomed }, tx);
    }

    /// <summary>Table and condition are our own constants, never caller input.</summary>
    private static Task<int> Where(NpgsqlConnection c, NpgsqlTransaction tx, string table, string condition, long cut, int limit, string? order = null) =>
        c.ExecuteAsync($"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {condition}" + (order is null ? "" : $" ORDER BY {order}") + " LIMIT @n)",
            new { cut, n = limit }, tx);
}
