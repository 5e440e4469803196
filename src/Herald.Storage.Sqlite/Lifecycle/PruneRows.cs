using Herald.Core.Lifecycle;
using Herald.Storage.Sqlite.Feedback;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.RecipientRows;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>
/// The retention deletes, run by the writer inside one transaction, at most <c>limit</c> rows of each kind, oldest
/// first. Append-only tables are walked by rowid, which follows insertion (and so time) order: the first young row
/// bounds the scan, so a pass over a table where nothing is old reads one row instead of the whole table, and no
/// index is added that every send would have to maintain.
/// </summary>
internal static class PruneRows
{
    private const string Final = "status NOT IN ('queued', 'deferred')";

    public static PruneBatch Run(SqliteConnection c, RetentionCutoffs cutoffs, int limit)
    {
        var now = UnixMs.From(cutoffs.Now);
        var messages = UnixMs.From(cutoffs.MessagesBefore);
        var evidence = UnixMs.From(cutoffs.EvidenceBefore);
        var history = UnixMs.From(cutoffs.HistoryBefore);
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        var (gone, events) = Messages(c, messages, limit);
        removed["messages"] = gone;
        removed["events"] = events;
        removed["webhook_outbox"] = Aged(c, "webhook_outbox", "created_at", messages, limit, "next_attempt_at IS NULL AND lease_owner IS NULL");
        removed["address_history"] = Aged(c, "address_history", "time", history, limit);
        removed["block_hits"] = Aged(c, "block_hits", "time", evidence, limit);
        removed["domain_incidents"] = Where(c, "domain_incidents", "last_at < $cut", evidence, limit);
        removed["erasures"] = Where(c, "erasures", "at < $cut", history, limit);
        removed["address_ledger"] = Ledgers(c, cutoffs, history, now, limit);
        removed["erased_suppressions"] = Where(c, "erased_suppressions", "expires_at IS NOT NULL AND expires_at <= $cut", now, limit);
        removed["replay_guard"] = Where(c, "replay_guard", "expires_at <= $cut", now, limit);
        // Verification rows outlive their own window by the message retention, so an old link is still told "expired".
        removed["verification_tokens"] = Where(c, "verification_tokens", "expires_at < $cut", messages, limit);
        removed["verification_requests"] = Where(c, "verification_requests", "requested_at < $cut", messages, limit);
        removed["portal_links"] = Where(c, "portal_links", "expires_at < $cut", messages, limit);
        return new PruneBatch(removed);
    }

    /// <summary>Final messages accepted before the cut-off, with their events; a message still being delivered stays.</summary>
    private static (int Messages, int Events) Messages(SqliteConnection c, long cut, int limit)
    {
        var ids = new List<string>();
        using (var select = Command(c,
            "SELECT id FROM messages WHERE rowid < " + Bound("messages", "created_at") + $" AND created_at < $cut AND {Final} ORDER BY rowid LIMIT $n",
            ("$cut", cut), ("$n", limit)))
        using (var r = select.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }
        }

        var events = 0;
        using var deleteEvents = Command(c, "DELETE FROM events WHERE message_id = $id", ("$id", ""));
        using var deleteMessage = Command(c, "DELETE FROM messages WHERE id = $id", ("$id", ""));
        foreach (var id in ids)
        {
            deleteEvents.Parameters[0].Value = id;
            events += deleteEvents.ExecuteNonQuery();
            deleteMessage.Parameters[0].Value = id;
            deleteMessage.ExecuteNonQuery();
        }

        return (ids.Count, events);
    }

    /// <summary>Ledger rows untouched since the cut-off whose suspension, if any, is no longer in force.</summary>
    private static int Ledgers(SqliteConnection c, RetentionCutoffs cutoffs, long cut, long now, int limit)
    {
        var doomed = new List<string>();
        using (var select = Command(c,
            "SELECT address, ledger_json FROM address_ledger WHERE updated_at < $cut " +
            "AND NOT (state = 'suspended' AND (expires_at IS NULL OR expires_at > $now)) LIMIT $n", ("$cut", cut), ("$now", now), ("$n", limit)))
        using (var r = select.ExecuteReader())
        {
            while (r.Read())
            {
                // The columns only narrow the search; whether a suspension is in force is the ledger's own decision.
                if (LedgerJson.Read(r.GetString(1)).SuspensionAt(cutoffs.Now) is null)
                {
                    doomed.Add(r.GetString(0));
                }
            }
        }

        using var delete = Command(c, "DELETE FROM address_ledger WHERE address = $a", ("$a", ""));
        foreach (var address in doomed)
        {
            delete.Parameters[0].Value = address;
            delete.ExecuteNonQuery();
        }

        return doomed.Count;
    }

    /// <summary>An append-only table, by rowid up to its first row at or after the cut-off.</summary>
    private static int Aged(SqliteConnection c, string table, string time, long cut, int limit, string? also = null) =>
        Execute(c, $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE rowid < {Bound(table, time)} AND {time} < $cut" +
            (also is null ? "" : " AND " + also) + " ORDER BY rowid LIMIT $n)", ("$cut", cut), ("$n", limit));

    private static int Where(SqliteConnection c, string table, string condition, long cut, int limit) =>
        Execute(c, $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {condition} LIMIT $n)", ("$cut", cut), ("$n", limit));

    private static string Bound(string table, string time) =>
        $"COALESCE((SELECT rowid FROM {table} WHERE {time} >= $cut ORDER BY rowid LIMIT 1), 9223372036854775807)";
}
