using Herald.Core.Lifecycle;
using Herald.Storage.Sqlite.Feedback;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.RecipientRows;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>The erasure's deletes, run by the writer inside one transaction (see <see cref="IErasureStore.EraseAsync"/>).</summary>
internal static class ErasureRows
{
    public static ErasureReceipt Erase(SqliteConnection c, Erasure erasure)
    {
        var messages = 0;
        var kept = 0;
        foreach (var (address, fingerprint) in erasure.Addresses)
        {
            // The policy decides on the ledger as it is in this transaction, so a bounce recorded a moment before is seen.
            if (erasure.Keep(LedgerRows.Read(c, address)) is { } survivor)
            {
                Execute(c, "INSERT INTO erased_suppressions (fingerprint, reason, since, expires_at, erased_at) VALUES ($f, $r, $s, $e, $now) " +
                    "ON CONFLICT (fingerprint) DO UPDATE SET reason = excluded.reason, since = excluded.since, expires_at = excluded.expires_at, erased_at = excluded.erased_at",
                    ("$f", fingerprint), ("$r", survivor.Reason.ToString()), ("$s", UnixMs.From(survivor.Since)),
                    ("$e", DbValue.Of(survivor.ExpiresAt)), ("$now", UnixMs.From(erasure.At)));
                kept++;
            }

            var a = ("$a", (object?)address);
            Execute(c, "DELETE FROM events WHERE message_id IN (SELECT id FROM messages WHERE to_address_lower = $a)", a);
            messages += Execute(c, "DELETE FROM messages WHERE to_address_lower = $a", a);
            Execute(c, "DELETE FROM address_ledger WHERE address = $a", a);
            Execute(c, "DELETE FROM address_history WHERE address = $a", a);
            Execute(c, "DELETE FROM block_hits WHERE address = $a", a);
            Execute(c, "DELETE FROM verification_tokens WHERE address_lower = $a", a);
            Execute(c, "DELETE FROM verification_requests WHERE address_lower = $a", a);
            Execute(c, "DELETE FROM recipient_addresses WHERE address_lower = $a", a);
            // Webhook events about it (delivered or not; the application already holds its own copy), found by their address
            // column, whose payload may spell a '+' as \u002B, and any other row that quotes the address; an incident's
            // sample reply keeps its count but loses the quote.
            Execute(c, "DELETE FROM webhook_outbox WHERE address = $a OR instr(lower(payload), $a) > 0", a);
            Execute(c, "UPDATE domain_incidents SET sample = '(erased)' WHERE instr(lower(sample), $a) > 0", a);
        }

        if (erasure.RecipientId is { } id)
        {
            var r = ("$id", (object?)id);
            Execute(c, "DELETE FROM recipient_preferences WHERE recipient_id = $id", r);
            Execute(c, "DELETE FROM recipient_addresses WHERE recipient_id = $id", r);
            Execute(c, "DELETE FROM verification_tokens WHERE recipient_id = $id", r);
            Execute(c, "DELETE FROM portal_links WHERE recipient_id = $id", r);
            Execute(c, "DELETE FROM recipients WHERE id = $id", r);
        }

        Execute(c, "INSERT INTO erasures (id, at, actor) VALUES ($id, $at, $actor)",
            ("$id", erasure.Id), ("$at", UnixMs.From(erasure.At)), ("$actor", erasure.Actor));
        return new ErasureReceipt(erasure.Id, erasure.At, erasure.Addresses.Count, messages, kept);
    }

    /// <summary>The kept suppression in the reader's current row, its three columns from <paramref name="first"/>; null when none.</summary>
    public static ErasedSuppression? Kept(SqliteDataReader r, int first) =>
        r.IsDBNull(first)
            ? null
            : new ErasedSuppression(Enum.Parse<Herald.Core.Feedback.SuppressionReason>(r.GetString(first)), UnixMs.To(r.GetInt64(first + 1)),
                r.IsDBNull(first + 2) ? null : UnixMs.To(r.GetInt64(first + 2)));
}
