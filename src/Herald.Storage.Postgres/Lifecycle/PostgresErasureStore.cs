using Dapper;
using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Herald.Storage.Postgres.Feedback;

namespace Herald.Storage.Postgres.Lifecycle;

/// <summary>
/// Erasure in one transaction. The ledger of each address is read under its advisory lock (as a bounce's update
/// takes it), so the policy decides on the ledger as it is, and a bounce recorded by another node a moment before is seen.
/// Unlike SQLite's secure_delete, PostgreSQL leaves deleted tuples in place until VACUUM reclaims them: see docs/storage.md.
/// </summary>
public sealed class PostgresErasureStore(PostgresStore store) : IErasureStore
{
    private const string LedgersAndKept =
        "SELECT l.ledger_json, e.reason, e.since, e.expires_at FROM unnest(@a::text[], @f::text[]) WITH ORDINALITY AS t(address, fingerprint, i) " +
        "LEFT JOIN address_ledger l ON l.address = t.address LEFT JOIN erased_suppressions e ON e.fingerprint = t.fingerprint ORDER BY t.i";

    private const string OneLedgerAndKept =
        "SELECT l.ledger_json, e.reason, e.since, e.expires_at FROM (SELECT (@a::text[])[1] AS address, (@f::text[])[1] AS fingerprint) t " +
        "LEFT JOIN address_ledger l ON l.address = t.address LEFT JOIN erased_suppressions e ON e.fingerprint = t.fingerprint";

    public Task<ErasureReceipt> EraseAsync(Erasure erasure, CancellationToken cancellationToken) =>
        store.WriteAsync(async (c, tx) =>
        {
            var messages = 0;
            var kept = 0;
            foreach (var (address, fingerprint) in erasure.Addresses)
            {
                if (erasure.Keep(await LedgerWrites.LockAndReadAsync(c, tx, address)) is { } survivor)
                {
                    await c.ExecuteAsync(
                        "INSERT INTO erased_suppressions (fingerprint, reason, since, expires_at, erased_at) VALUES (@f, @r, @s, @e, @now) " +
                        "ON CONFLICT (fingerprint) DO UPDATE SET reason = excluded.reason, since = excluded.since, expires_at = excluded.expires_at, erased_at = excluded.erased_at",
                        new { f = fingerprint, r = survivor.Reason.ToString(), s = UnixMs.From(survivor.Since), e = UnixMs.From(survivor.ExpiresAt), now = UnixMs.From(erasure.At) },
                        tx);
                    kept++;
                }

                var a = new { a = address };
                // Queue rows first, in the order an outcome locks (queue row, then message), so the two never deadlock.
                await c.ExecuteAsync("DELETE FROM queue WHERE id IN (SELECT id FROM messages WHERE to_address_lower = @a)", a, tx);
                await c.ExecuteAsync("DELETE FROM events WHERE message_id IN (SELECT id FROM messages WHERE to_address_lower = @a)", a, tx);
                messages += await c.ExecuteAsync("DELETE FROM messages WHERE to_address_lower = @a", a, tx);
                // Rows that only quote the address: webhook events about it and an incident's sample reply (which keeps its count).
                await c.ExecuteAsync(
                    "DELETE FROM address_ledger WHERE address = @a; DELETE FROM address_history WHERE address = @a; DELETE FROM block_hits WHERE address = @a; " +
                    "DELETE FROM verification_tokens WHERE address_lower = @a; DELETE FROM verification_requests WHERE address_lower = @a; " +
                    "DELETE FROM recipient_addresses WHERE address_lower = @a; DELETE FROM webhook_outbox WHERE address = @a OR strpos(lower(payload), @a) > 0; " +
                    "UPDATE domain_incidents SET sample = '(erased)' WHERE strpos(lower(sample), @a) > 0", a, tx);
            }

            if (erasure.RecipientId is { } id)
            {
                await c.ExecuteAsync(
                    "DELETE FROM recipient_preferences WHERE recipient_id = @id; DELETE FROM recipient_addresses WHERE recipient_id = @id; " +
                    "DELETE FROM verification_tokens WHERE recipient_id = @id; DELETE FROM portal_links WHERE recipient_id = @id; DELETE FROM recipients WHERE id = @id",
                    new { id }, tx);
            }

            await c.ExecuteAsync("INSERT INTO erasures (id, at, actor) VALUES (@id, @at, @actor)", new { id = erasure.Id, at = UnixMs.From(erasure.At), actor = erasure.Actor }, tx);
            return new ErasureReceipt(erasure.Id, erasure.At, erasure.Addresses.Count, messages, kept);
        }, durable: true, cancellationToken);

    public Task<IReadOnlyList<LedgerAndKept>> LedgersAndKeptAsync(IReadOnlyList<ErasedAddress> addresses, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<LedgerAndKept>>(async c =>
        {
            // One statement for all of them, in their order, from one snapshot. One address (every attempt's gate, every
            // single request) has a statement of its own: PostgreSQL estimates unnest() of a parameter at 100 rows, of a
            // given array at its length, so it kept planning the array form for each call's one address, never trusting
            // the generic plan (PostgresPlanCacheTests; 3.0 of PostgreSQL's ~18 CPU s in PG_ONLY=1 PG_STATEMENTS=1
            // bench/delivery-postgres.sh 20000, 2026-12-01).
            var rows = await c.QueryAsync<(string? Ledger, string? Reason, long? Since, long? Expires)>(new CommandDefinition(
                addresses.Count == 1 ? OneLedgerAndKept : LedgersAndKept,
                new { a = addresses.Select(x => x.Address.ToLowerInvariant()).ToArray(), f = addresses.Select(x => x.Fingerprint).ToArray() },
                cancellationToken: cancellationToken));
            return rows.Zip(addresses, (row, x) => new LedgerAndKept(row.Ledger is null ? AddressLedger.Empty(x.Address) : LedgerJson.Read(row.Ledger),
                row.Reason is null ? null : new ErasedSuppression(Enum.Parse<SuppressionReason>(row.Reason), UnixMs.To(row.Since!.Value), UnixMs.To(row.Expires))))
                .ToList();
        }, cancellationToken);
}
