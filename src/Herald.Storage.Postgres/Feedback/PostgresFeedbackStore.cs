using Dapper;
using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Npgsql;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>
/// The feedback tables in the shared database. A ledger change, the events it adds to the message and its webhook rows
/// commit in one transaction, and the pure policy (<see cref="LedgerUpdate{T}.Decide"/>) runs inside it, on the row
/// read under the address's lock, exactly as in the SQLite store.
/// </summary>
public sealed class PostgresFeedbackStore(PostgresStore store) : IFeedbackStore
{
    public Task<AddressLedger> GetAsync(string address, CancellationToken cancellationToken) =>
        store.ReadAsync(async c =>
        {
            var json = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT ledger_json FROM address_ledger WHERE address = @a", new { a = address.ToLowerInvariant() }, cancellationToken: cancellationToken));
            return json is null ? AddressLedger.Empty(address) : LedgerJson.Read(json);
        }, cancellationToken);

    public Task<LedgerWithDomain> GetWithDomainAsync(string address, CancellationToken cancellationToken) =>
        store.ReadAsync(async c =>
        {
            await using var batch = new NpgsqlBatch(c) { BatchCommands = { LedgerWithDomainRead.Command(address) } };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await LedgerWithDomainRead.ReadAsync(reader, address);
        }, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string address, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<LedgerEntry>>(async c =>
        {
            await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
                "SELECT address, time, action, reason, actor, detail, message_id FROM address_history WHERE address = @a ORDER BY seq",
                new { a = address.ToLowerInvariant() }, cancellationToken: cancellationToken));
            var entries = new List<LedgerEntry>();
            while (await r.ReadAsync(cancellationToken))
            {
                entries.Add(new LedgerEntry(r.GetString(0), UnixMs.To(r.GetInt64(1)), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
            }

            return entries;
        }, cancellationToken);

    public Task<IReadOnlyList<AddressLedger>> ListSuspendedAsync(int limit, string? after, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<AddressLedger>>(async c =>
            (await c.QueryAsync<string>(new CommandDefinition(
                "SELECT ledger_json FROM address_ledger WHERE state = 'suspended' AND address > @after COLLATE \"C\" ORDER BY address COLLATE \"C\" LIMIT @limit",
                new { after = (after ?? "").ToLowerInvariant(), limit }, cancellationToken: cancellationToken)))
            .Select(LedgerJson.Read).ToList(), cancellationToken);

    public Task<IReadOnlyList<DomainIncident>> IncidentsAsync(string? domain, IncidentState? state, int limit, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<DomainIncident>>(async c => await IncidentWrites.ReadAsync(c, null,
            $"(@domain::text IS NULL OR domain = @domain) AND {IncidentWrites.StateSql(state)} ORDER BY last_at DESC LIMIT @limit",
            new { domain = domain?.ToLowerInvariant(), limit }, cancellationToken), cancellationToken);

    public Task<int> CloseQuietIncidentsAsync(IncidentSweep sweep, CancellationToken cancellationToken) =>
        store.WriteAsync(async (c, tx) =>
        {
            var step = await IncidentWrites.SweepAsync(c, tx, sweep);
            await LedgerWrites.OutboxAsync(c, tx, sweep.Outbox(step.Notices));
            return step.Writes.Count;
        }, durable: true, cancellationToken);

    public Task<T> UpdateAsync<T>(LedgerUpdate<T> update, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => ApplyAsync(c, tx, update, store.TimeProvider.GetUtcNow()), durable: true, cancellationToken);

    public Task<EnqueueResult> EnqueueSuppressedAsync(NewMessage message, DeliveryEvent accepted, DeliveryEvent suppressed,
        DateTimeOffset idempotencySince, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => EnqueueWrites.RunSuppressedAsync(c, tx, message, accepted, suppressed, idempotencySince, outbox), durable: true, cancellationToken);

    /// <summary>Due rows under a lease, SKIP LOCKED so the webhook workers of several nodes never take one row twice.</summary>
    public Task<IReadOnlyList<OutboxMessage>> ClaimWebhooksAsync(WebhookClaim claim, CancellationToken cancellationToken) =>
        claim.Max <= 0
            ? Task.FromResult<IReadOnlyList<OutboxMessage>>([])
            : store.WriteAsync<IReadOnlyList<OutboxMessage>>(async (c, tx) =>
            {
                await using var r = await c.ExecuteReaderAsync(
                    "WITH due AS (SELECT seq FROM webhook_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= @now " +
                    "AND (lease_expires_at IS NULL OR lease_expires_at <= @now) ORDER BY next_attempt_at, seq LIMIT @max FOR UPDATE SKIP LOCKED) " +
                    "UPDATE webhook_outbox w SET lease_owner = @owner, lease_expires_at = @expires FROM due WHERE w.seq = due.seq " +
                    "RETURNING w.seq, w.id, w.endpoint, w.type, w.payload, w.created_at, w.attempts, w.next_attempt_at",
                    new { owner = claim.Owner, expires = UnixMs.From(claim.Now + claim.LeaseDuration), now = UnixMs.From(claim.Now), max = claim.Max }, tx);
                var rows = new List<(long Due, OutboxMessage Row)>();
                while (await r.ReadAsync(cancellationToken))
                {
                    rows.Add((r.GetInt64(7), new OutboxMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                        UnixMs.To(r.GetInt64(5)), r.GetInt32(6))));
                }

                return rows.OrderBy(x => x.Due).ThenBy(x => x.Row.Seq).Select(x => x.Row).ToList();
            }, durable: false, cancellationToken);

    public async Task<bool> WebhookAttemptedAsync(WebhookAttemptRecord record, CancellationToken cancellationToken) =>
        await store.WriteAsync(async (c, tx) =>
        {
            var attempt = record.Attempt;
            var updated = await c.ExecuteAsync(
                "UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = @next, delivered_at = @delivered, last_error = @error, " +
                "lease_owner = NULL, lease_expires_at = NULL WHERE seq = @seq AND lease_owner = @owner",
                new
                {
                    next = attempt.Delivered ? null : UnixMs.From(record.NextAttemptAt),
                    delivered = attempt.Delivered ? UnixMs.From(attempt.At) : (long?)null,
                    error = attempt.Error,
                    seq = record.Seq,
                    owner = record.Owner,
                },
                tx);
            if (updated != 1)
            {
                return false;
            }

            await c.ExecuteAsync(
                "INSERT INTO webhook_attempts (seq, at, delivered, status_code, error) VALUES (@seq, @at, @delivered, @code, @error)",
                new { seq = record.Seq, at = UnixMs.From(attempt.At), delivered = attempt.Delivered ? 1 : 0, code = attempt.StatusCode, error = attempt.Error }, tx);
            return true;
        }, durable: true, cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> WebhookDeliveriesAsync(string endpoint, WebhookDeliveryState? state, long? before, int limit,
        CancellationToken cancellationToken) =>
        store.ReadAsync(c => WebhookRows.ListAsync(c, endpoint, state, before, null, limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> WebhookDeliveriesForAddressAsync(string address, int limit, CancellationToken cancellationToken) =>
        store.ReadAsync(c => WebhookRows.ForAddressAsync(c, address, limit, cancellationToken), cancellationToken);

    public async Task<WebhookDelivery?> WebhookDeliveryAsync(string endpoint, long seq, CancellationToken cancellationToken) =>
        (await store.ReadAsync(c => WebhookRows.ListAsync(c, endpoint, null, null, seq, 1, cancellationToken), cancellationToken)).SingleOrDefault();

    public Task<int> ReplayWebhooksAsync(WebhookReplay replay, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => c.ExecuteAsync(
            "UPDATE webhook_outbox SET next_attempt_at = @now, endpoint = @to WHERE endpoint = @endpoint AND " + WebhookRows.DeadSql +
            " AND (@seq::bigint IS NULL OR seq = @seq)",
            new { now = UnixMs.From(replay.Now), to = replay.To ?? replay.Endpoint, endpoint = replay.Endpoint, seq = replay.Seq }, tx), durable: true, cancellationToken);

    public Task<IReadOnlyList<WebhookBacklog>> WebhookBacklogAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(c => WebhookRows.BacklogAsync(c, cancellationToken), cancellationToken);

    private static async Task<T> ApplyAsync<T>(NpgsqlConnection c, NpgsqlTransaction tx, LedgerUpdate<T> update, DateTimeOffset now)
    {
        var current = await LedgerWrites.LockAndReadAsync(c, tx, update.Address);
        var incidents = update.Block is { } hit ? await IncidentWrites.HitAsync(c, tx, hit)
            : update.Delivery is { } delivery ? await IncidentWrites.DeliveredAsync(c, tx, delivery)
            : IncidentStep.None;
        var (decision, result) = update.Decide(current, incidents.IncidentId);
        if (!ReferenceEquals(decision.Next, current))
        {
            await LedgerWrites.WriteAsync(c, tx, decision.Next, now);
        }

        await LedgerWrites.AppendAsync(c, tx, decision.History);
        await EventRows.InsertAsync(c, tx, update.MessageEvents);
        if (update.StatusChange is { } change)
        {
            await LedgerWrites.StatusChangeAsync(c, tx, change, now);
        }

        await LedgerWrites.OutboxAsync(c, tx, update.Outbox(decision.Notices));
        await LedgerWrites.OutboxAsync(c, tx, update.IncidentOutbox(incidents.Notices));
        return result;
    }
}
