using Dapper;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Postgres.Feedback;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>Claim, complete and next-due on the shared queue, with the same meaning as the SQLite store's (docs/storage.md).</summary>
internal static class QueueWrites
{
    /// <summary>
    /// Due jobs in (priority, due time) order, locked with SKIP LOCKED: two nodes claiming at once each take rows the
    /// other has not locked, instead of waiting for each other or claiming the same job. Free jobs come from
    /// ix_queue_claimable, which holds no leased row (migration 0006's lesson), jobs whose lease expired from
    /// ix_queue_leased; the best of both are taken. The token is a random UUID (gen_random_uuid, a CSPRNG), one per row.
    /// Only the narrow queue row changes (migration 0007); the message is read beside it, not written. With the lease on
    /// the messages row this wrote ~1,510 WAL bytes per claimed row, ~450 now
    /// (<c>PG_ONLY=1 PG_STATEMENTS=1 bash bench/delivery-postgres.sh 20000</c>, 2026-12-01). The expired part is ordered
    /// by lease_expires_at, the order of ix_queue_leased, which pins the plan to that index: without the ORDER BY the
    /// claim read ~226 buffer pages per call (~62 per claimed row) and took 3 times the server's time of 0006's claim on
    /// messages, with it ~66 (~20 per row): the narrow table is small enough that the planner may prefer reading it
    /// whole, dead versions included, to the index.
    /// </summary>
    internal const string ClaimSql =
        "WITH free AS (SELECT id, priority, next_attempt_at FROM queue WHERE lease_token IS NULL " +
        "AND priority <= @lowest AND next_attempt_at <= @now ORDER BY priority, next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED), " +
        "expired AS (SELECT id, priority, next_attempt_at FROM queue WHERE lease_token IS NOT NULL AND lease_expires_at <= @now " +
        "AND priority <= @lowest AND next_attempt_at <= @now ORDER BY lease_expires_at LIMIT @max FOR UPDATE SKIP LOCKED), " +
        "chosen AS (SELECT id FROM (SELECT * FROM free UNION ALL SELECT * FROM expired) due ORDER BY priority, next_attempt_at LIMIT @max), " +
        "claimed AS (UPDATE queue q SET lease_owner = @owner, lease_node = @node, lease_token = replace(gen_random_uuid()::text, '-', ''), " +
        "lease_expires_at = @expires, attempts = q.attempts + 1 FROM chosen WHERE q.id = chosen.id " +
        "RETURNING q.id, q.attempts, q.next_attempt_at, q.lease_token, q.lease_expires_at) " +
        "SELECT m.id, m.type, m.category, m.priority, m.to_address, m.data_json, m.secret_fields, m.idempotency_key, m.request_hash, " +
        "m.created_at, m.expires_at, m.message_id_header, m.return_path, m.route, m.status, q.attempts, q.next_attempt_at, m.updated_at, " +
        "q.lease_token, q.lease_expires_at FROM claimed q JOIN messages m ON m.id = q.id";

    /// <summary>
    /// The claim between SET plan_cache_mode = force_generic_plan and RESET, in one round trip: one batch, so one implicit
    /// transaction (a failed claim rolls the SET back with it; RESET restores the connection's own value). The claim's
    /// LIMIT is a parameter, which a generic plan estimates at a tenth of the rows: once ANALYZE had seen a long queue
    /// (about 10,000 waiting rows; autovacuum analyzes it under load) that estimate lost to every custom plan's, and
    /// PostgreSQL planned the claim at every call: 3,121 plans for 5,279 claims, 1.3 s of the server's time, in the
    /// two-node split run of PG_ONLY=2 PG_STATEMENTS=1 bench/delivery-postgres.sh 20000 (2026-12-01; PostgresPlanCacheTests).
    /// The plan is the same either way (EXPLAIN on queues of 20,000 and 1,000,000 rows: the claimable and leased indexes),
    /// and stays so on stale statistics: with the LIMIT a parameter, the ordered walk of ix_queue_claimable stays the
    /// cheaper path even when ANALYZE saw no free row (PostgresPlanCacheTests). The LIMIT written into the statement,
    /// tried before, made generic plans that read and sorted the whole backlog on such statistics
    /// (docs/scaling-measurements.md, the sixth session).
    /// The claim alone, not the connection: the retention's deletes on the same connections ("older than the cut-off",
    /// LIMIT) would get generic plans too, which estimate a third of the table and may read it whole where a custom plan
    /// probes an index and finds nothing.
    /// </summary>
    private const string ClaimWithGenericPlanSql = "SET plan_cache_mode = force_generic_plan; " + ClaimSql + "; RESET plan_cache_mode";

    public static async Task<IReadOnlyList<DeliveryJob>> ClaimAsync(NpgsqlConnection c, ClaimRequest request, string node)
    {
        var jobs = new List<DeliveryJob>(Math.Min(request.Max, 64));
        await using (var reader = await c.ExecuteReaderAsync(ClaimWithGenericPlanSql, new
        {
            owner = request.Owner,
            node,
            expires = UnixMs.From(request.Now + request.LeaseDuration),
            lowest = (int)request.LowestPriority,
            now = UnixMs.From(request.Now),
            max = request.Max,
        }))
        {
            while (await reader.ReadAsync())
            {
                var message = MessageRows.Read(reader);
                jobs.Add(new DeliveryJob(message, message.Attempts, reader.GetString(MessageRows.Next), UnixMs.To(reader.GetInt64(MessageRows.Next + 1))));
            }
        }

        // The claimed rows come in no order of their own.
        jobs.Sort(static (a, b) =>
        {
            var byPriority = a.Message.Priority.CompareTo(b.Message.Priority);
            return byPriority != 0 ? byPriority : a.Message.NextAttemptAt.CompareTo(b.Message.NextAttemptAt);
        });
        return jobs;
    }

    /// <summary>
    /// The whole outcome in one statement, so it runs as its own implicit transaction in one round trip: the queue row
    /// under compare-and-set on the lease token, deleted when the outcome is final (<see cref="CompleteSql"/>[1]), freed
    /// at its next attempt otherwise ([0]); the message's status, the status a report that came back while the attempt
    /// was in flight settles it on ($6/$7: for each reported status, what <see cref="ReportedStatus.Settle"/> decides,
    /// where that differs), its copy of the queue row's attempts and next attempt, and the secrets purged from the data
    /// the claim read ($8 to $12: untouched if the row no longer holds that data); and the events, inserted only if the
    /// lease was still held. No column the messages UPDATE writes is in an index of messages or in an index's
    /// predicate (migration 0007), so PostgreSQL updates it in place (HOT), without a new entry in any of its indexes.
    /// The row lock that UPDATE takes orders it with a report's status change on the same message
    /// (LedgerWrites.StatusChangeAsync): whichever commits second sees the other's row, so the report is never lost.
    /// </summary>
    private static readonly string[] CompleteSql = [Complete(final: false), Complete(final: true)];

    private static string Complete(bool final) =>
        "WITH job AS (" +
        (final
            ? "DELETE FROM queue WHERE id = $4 AND lease_token = $5 RETURNING attempts, COALESCE($2::bigint, next_attempt_at) AS next_attempt_at"
            : "UPDATE queue SET next_attempt_at = COALESCE($2::bigint, next_attempt_at), " + QueueRows.Release + " " +
              "WHERE id = $4 AND lease_token = $5 RETURNING attempts, next_attempt_at") + "), " +
        "changed AS (UPDATE messages SET " +
        "status = COALESCE((SELECT s.settled FROM unnest($6::text[], $7::text[]) AS s(reported, settled) WHERE s.reported = messages.reported_status), $1), " +
        "attempts = job.attempts, next_attempt_at = job.next_attempt_at, updated_at = $3, version = version + 1, " +
        "data_json = CASE WHEN $8 AND data_json IS NOT DISTINCT FROM $9::text THEN $10::text ELSE data_json END, " +
        "request_hash = CASE WHEN $8 AND request_hash = $11::text THEN $12::text ELSE request_hash END " +
        "FROM job WHERE messages.id = $4 RETURNING messages.id), " +
        "inserted AS (" + EventRows.InsertSql(13, "WHERE EXISTS (SELECT 1 FROM changed)") + ") " +
        "SELECT count(*) FROM changed";

    /// <summary>
    /// For each status an attempt commits (indexed by its value), the reported statuses that <see cref="ReportedStatus.Settle"/>
    /// turns it into, and into what ($6 and $7 of <see cref="CompleteSql"/>): the same for every outcome of that status,
    /// so computed once, not at every outcome.
    /// </summary>
    private static readonly (string[] Reported, string[] Settled)[] Settles = Enum.GetValues<MessageStatus>().Select(committed =>
    {
        var changes = Enum.GetValues<MessageStatus>().Where(r => ReportedStatus.Settle(committed, r) != committed).ToList();
        return (changes.Select(r => r.ToWire()).ToArray(), changes.Select(r => ReportedStatus.Settle(committed, r).ToWire()).ToArray());
    }).ToArray();

    /// <summary>Refuses a transition that carries another message's event: a bug in the caller, not an outcome.</summary>
    public static void CheckEvents(DeliveryJob job, JobTransition transition)
    {
        foreach (var e in transition.Events)
        {
            if (e.MessageId != job.Message.Id)
            {
                throw new ArgumentException($"event for {e.MessageId} in the transition of {job.Message.Id}", nameof(transition));
            }
        }
    }

    /// <summary>
    /// Applies each transition only while its caller still holds the lease (compare-and-set on the token), all in one
    /// batch: one round trip and one implicit transaction for a group of outcomes (PostgresStore's CommitGroup). Their
    /// statements go in the order of the messages' ids, so two groups that meet on the same rows (a lease lost and the
    /// job claimed again) lock them in the same order instead of deadlocking. A delivered transition reads the address's
    /// ledger and its domain's incident after it, in the same batch: where FeedbackService's own read after every
    /// delivery was a round trip of its own (21,000 of about 120,000 statements in PG_ONLY=1 PG_STATEMENTS=1
    /// bench/delivery-postgres.sh 20000, 2026-12-01). The read is a statement of its own, so it sees what was committed
    /// when it starts, its own group's outcomes before it included.
    /// </summary>
    public static async Task<IReadOnlyList<Completion>> CompleteAsync(NpgsqlConnection c, IReadOnlyList<(DeliveryJob Job, JobTransition Transition)> group, TimeProvider time)
    {
        var order = Enumerable.Range(0, group.Count).OrderBy(i => group[i].Job.Message.Id, StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch(c);
        foreach (var i in order)
        {
            AddCompletion(batch, group[i].Job, group[i].Transition, time);
        }

        var completions = new Completion[group.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var k = 0; k < order.Length; k++)
        {
            if (k > 0)
            {
                await reader.NextResultAsync();
            }

            var (job, transition) = group[order[k]];
            await reader.ReadAsync();
            // 0: the lease was lost (it expired and another worker claimed the job), or this job was already completed.
            var applied = reader.GetInt64(0) != 0;
            Completion completion = applied ? new(true) : Completion.LeaseLost;
            if (ReadsAddress(transition))
            {
                await reader.NextResultAsync();
                if (applied)
                {
                    completion = new(true, await LedgerWithDomainRead.ReadAsync(reader, job.Message.To));
                }
            }

            completions[order[k]] = completion;
        }

        return completions;
    }

    private static bool ReadsAddress(JobTransition transition) => transition.Status == MessageStatus.Delivered;

    private static void AddCompletion(NpgsqlBatch batch, DeliveryJob job, JobTransition transition, TimeProvider time)
    {
        var message = job.Message;
        var updatedAt = transition.Events.Count > 0 ? transition.Events[^1].Time : time.GetUtcNow();
        var (reported, settled) = Settles[(int)transition.Status];
        var purge = transition.PurgeSecrets && message.SecretFields.Count > 0;
        var command = new NpgsqlBatchCommand(CompleteSql[transition.Status.IsFinal() ? 1 : 0]);
        Positional.Add(command.Parameters,
            transition.Status.ToWire(), Positional.Bigint(UnixMs.From(transition.NextAttemptAt)), UnixMs.From(updatedAt), message.Id, job.LeaseToken,
            reported, settled, purge, Positional.Text(message.DataJson), Positional.Text(purge ? SecretData.Purge(message.DataJson, message.SecretFields) : null),
            message.RequestHash, Positional.Text(purge ? RequestHashes.Purged(message.RequestHash) : null));
        EventRows.AddParameters(command.Parameters, transition.Events);
        batch.BatchCommands.Add(command);
        if (ReadsAddress(transition))
        {
            batch.BatchCommands.Add(LedgerWithDomainRead.Command(message.To));
        }
    }

    /// <summary>
    /// Earliest due time of a free job, or the lease expiry of a leased one. Each part is an ordered probe of its partial
    /// index with LIMIT 1, a plan PostgreSQL keeps whatever its statistics say: as MIN() over a range of priorities and
    /// over GREATEST(), the planner of a queue table that grew since it was last analyzed read every free row, then the
    /// whole table (EXPLAIN during bench/delivery-postgres.sh, 2026-12-01: 3.6 ms per call, 11 % of the server's time).
    /// A leased job was due when it was claimed (next_attempt_at &lt;= now &lt; lease_expires_at), and an outcome clears
    /// the lease as it moves next_attempt_at, so the earliest expiry is the earliest of
    /// GREATEST(lease_expires_at, next_attempt_at).
    /// </summary>
    public static async Task<DateTimeOffset?> NextDueAtAsync(NpgsqlConnection c, Priority lowestPriority, CancellationToken ct)
    {
        var ms = await c.ExecuteScalarAsync<long?>(new CommandDefinition(NextDueSql[(int)lowestPriority], cancellationToken: ct));
        return UnixMs.To(ms);
    }

    private static readonly string[] NextDueSql = Enum.GetValues<Priority>().Select(lowest =>
        "SELECT LEAST((SELECT MIN(next_attempt_at) FROM (" +
        string.Join(" UNION ALL ", Enum.GetValues<Priority>().Where(p => p <= lowest).Select(p =>
            $"(SELECT next_attempt_at FROM queue WHERE lease_token IS NULL AND priority = {(int)p} ORDER BY next_attempt_at LIMIT 1)")) + ") free), " +
        "(SELECT GREATEST(lease_expires_at, next_attempt_at) FROM queue WHERE lease_token IS NOT NULL " +
        $"AND priority <= {(int)lowest} ORDER BY lease_expires_at LIMIT 1))").ToArray();
}
