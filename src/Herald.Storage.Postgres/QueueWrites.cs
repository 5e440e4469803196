using Dapper;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>Claim, complete and next-due on the shared queue, with the same meaning as the SQLite store's (docs/storage.md).</summary>
internal static class QueueWrites
{
    /// <summary>
    /// Due jobs in (priority, due time) order, locked with SKIP LOCKED: two nodes claiming at once each take rows the
    /// other has not locked, instead of waiting for each other or claiming the same job. Free jobs come from
    /// ix_messages_claimable, which holds no leased row (migration 0006), jobs whose lease expired from ix_messages_leased;
    /// the best of both are taken. The token is a random UUID (gen_random_uuid, a CSPRNG), one per row.
    /// </summary>
    private const string ClaimSql =
        "WITH free AS (SELECT id, priority, next_attempt_at FROM messages WHERE status IN ('queued', 'deferred') AND lease_token IS NULL " +
        "AND priority <= @lowest AND next_attempt_at <= @now ORDER BY priority, next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED), " +
        "expired AS (SELECT id, priority, next_attempt_at FROM messages WHERE lease_token IS NOT NULL AND lease_expires_at <= @now " +
        "AND status IN ('queued', 'deferred') AND priority <= @lowest AND next_attempt_at <= @now LIMIT @max FOR UPDATE SKIP LOCKED), " +
        "chosen AS (SELECT id FROM (SELECT * FROM free UNION ALL SELECT * FROM expired) due ORDER BY priority, next_attempt_at LIMIT @max) " +
        "UPDATE messages m SET lease_owner = @owner, lease_node = @node, lease_token = replace(gen_random_uuid()::text, '-', ''), " +
        "lease_expires_at = @expires, attempts = m.attempts + 1, version = m.version + 1 FROM chosen WHERE m.id = chosen.id " +
        "RETURNING m.id, m.type, m.category, m.priority, m.to_address, m.data_json, m.secret_fields, m.idempotency_key, m.request_hash, " +
        "m.created_at, m.expires_at, m.message_id_header, m.return_path, m.route, m.status, m.attempts, m.next_attempt_at, m.updated_at, " +
        "m.lease_token, m.lease_expires_at";

    public static async Task<IReadOnlyList<DeliveryJob>> ClaimAsync(NpgsqlConnection c, NpgsqlTransaction tx, ClaimRequest request, string node)
    {
        var jobs = new List<DeliveryJob>(Math.Min(request.Max, 64));
        await using (var reader = await c.ExecuteReaderAsync(ClaimSql, new
        {
            owner = request.Owner,
            node,
            expires = UnixMs.From(request.Now + request.LeaseDuration),
            lowest = (int)request.LowestPriority,
            now = UnixMs.From(request.Now),
            max = request.Max,
        }, tx))
        {
            while (await reader.ReadAsync())
            {
                var message = MessageRows.Read(reader);
                jobs.Add(new DeliveryJob(message, message.Attempts, reader.GetString(MessageRows.Next), UnixMs.To(reader.GetInt64(MessageRows.Next + 1))));
            }
        }

        // RETURNING gives no order of its own.
        jobs.Sort(static (a, b) =>
        {
            var byPriority = a.Message.Priority.CompareTo(b.Message.Priority);
            return byPriority != 0 ? byPriority : a.Message.NextAttemptAt.CompareTo(b.Message.NextAttemptAt);
        });
        return jobs;
    }

    private static readonly string CompleteSql =
        "WITH changed AS (UPDATE messages SET status = $1, next_attempt_at = COALESCE($2::bigint, next_attempt_at), lease_owner = NULL, " +
        "lease_node = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = $3, version = version + 1 WHERE id = $4 AND lease_token = $5 " +
        "RETURNING id, reported_status), " +
        "inserted AS (" + EventRows.InsertSql(6, "WHERE EXISTS (SELECT 1 FROM changed)") + ") " +
        "SELECT id, reported_status FROM changed";

    /// <summary>Applies the transition only while the caller still holds the lease (compare-and-set on the token).</summary>
    public static async Task<bool> CompleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, DeliveryJob job, JobTransition transition, TimeProvider time)
    {
        var id = job.Message.Id;
        foreach (var e in transition.Events)
        {
            if (e.MessageId != id)
            {
                throw new ArgumentException($"event for {e.MessageId} in the transition of {id}", nameof(transition));
            }
        }

        var updatedAt = transition.Events.Count > 0 ? transition.Events[^1].Time : time.GetUtcNow();
        // One statement, one round trip: the transition, and its events only if the lease was still held. The row lock
        // this takes orders it with a report's status change on the same message (LedgerWrites.StatusChangeAsync):
        // whichever commits second sees the other's row, so the report is never lost between the two.
        await using var command = new NpgsqlCommand(CompleteSql, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = transition.Status.ToWire() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)UnixMs.From(transition.NextAttemptAt) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = UnixMs.From(updatedAt) });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = job.LeaseToken });
        EventRows.AddParameters(command.Parameters, transition.Events);
        var changed = new List<(string Id, string? Reported)>(1);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                changed.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        if (changed.Count == 0)
        {
            // Lease lost: it expired and another worker claimed the job, or this job was already completed.
            return false;
        }

        // A bounce or complaint that came back while this attempt was in flight outranks its delivery.
        if (changed[0].Reported is { } reported
            && ReportedStatus.Settle(transition.Status, MessageStatusExtensions.ParseWire(reported)) is var settled && settled != transition.Status)
        {
            await c.ExecuteAsync("UPDATE messages SET status = @status WHERE id = @id", new { status = settled.ToWire(), id }, tx);
        }

        if (transition.PurgeSecrets && job.Message.SecretFields.Count > 0)
        {
            await PurgeSecretsAsync(c, tx, id);
        }

        return true;
    }

    /// <summary>The request hash goes with the secrets: the part of it that covers them would give a sign-in code back.</summary>
    public static async Task PurgeSecretsAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id)
    {
        var row = await c.QuerySingleAsync<(string? Data, string Secrets, string Hash)>(
            "SELECT data_json, secret_fields, request_hash FROM messages WHERE id = @id", new { id }, tx);
        await c.ExecuteAsync("UPDATE messages SET data_json = @data, request_hash = @hash WHERE id = @id",
            new { data = SecretData.Purge(row.Data, MessageRows.ReadSecretFields(row.Secrets)), hash = RequestHashes.Purged(row.Hash), id }, tx);
    }

    /// <summary>Earliest due time of a free non-final job, or the lease expiry of a leased one.</summary>
    public static async Task<DateTimeOffset?> NextDueAtAsync(NpgsqlConnection c, Priority lowestPriority, CancellationToken ct)
    {
        var ms = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT LEAST(" +
            "(SELECT MIN(next_attempt_at) FROM messages WHERE status IN ('queued', 'deferred') AND priority <= @lowest AND lease_token IS NULL), " +
            "(SELECT MIN(GREATEST(lease_expires_at, next_attempt_at)) FROM messages WHERE lease_token IS NOT NULL " +
            "AND status IN ('queued', 'deferred') AND priority <= @lowest))",
            new { lowest = (int)lowestPriority }, cancellationToken: ct));
        return UnixMs.To(ms);
    }
}
