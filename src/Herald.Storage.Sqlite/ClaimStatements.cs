using Herald.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Claims due jobs under a lease in one statement. Delivery is at least once: when a worker dies after the remote
/// server accepted the message but before <c>CompleteAsync</c>, the lease expires and the job is claimed again
/// (the Message-ID header stays the same, so receivers can de-duplicate, as Postfix and KumoMTA accept too).
/// </summary>
internal sealed class ClaimStatements
{
    private readonly SqliteCommand _claim;

    public ClaimStatements(WriterSession session)
    {
        // The inner WHERE repeats the claim index's own condition (status IN ...) so the partial index is used and
        // rows are visited in (priority, next_attempt_at) order. The token comes from SQLite's CSPRNG-seeded
        // randomblob, evaluated per row, so every job gets its own.
        _claim = session.Prepare(
            "UPDATE messages SET lease_owner = $owner, lease_node = $node, lease_token = lower(hex(randomblob(16))), " +
            "lease_expires_at = $expires, attempts = attempts + 1, version = version + 1 " +
            "WHERE id IN (SELECT id FROM messages WHERE status IN ('queued', 'deferred') AND priority <= $lowest " +
            "AND next_attempt_at <= $now AND (lease_token IS NULL OR lease_expires_at <= $now) " +
            "ORDER BY priority, next_attempt_at LIMIT $max) " +
            "RETURNING " + MessageRows.Columns + ", lease_token, lease_expires_at");
        _claim.Parameters.Add("$owner", SqliteType.Text);
        _claim.Parameters.Add("$expires", SqliteType.Integer);
        _claim.Parameters.Add("$lowest", SqliteType.Integer);
        _claim.Parameters.Add("$now", SqliteType.Integer);
        _claim.Parameters.Add("$max", SqliteType.Integer);
        _claim.Parameters.Add("$node", SqliteType.Text).Value = session.NodeId;
    }

    public IReadOnlyList<DeliveryJob> Run(ClaimRequest request)
    {
        if (request.Max <= 0)
        {
            return [];
        }

        var p = _claim.Parameters;
        p[0].Value = request.Owner;
        p[1].Value = UnixMs.From(request.Now + request.LeaseDuration);
        p[2].Value = (int)request.LowestPriority;
        p[3].Value = UnixMs.From(request.Now);
        p[4].Value = request.Max;

        var jobs = new List<DeliveryJob>(Math.Min(request.Max, 64));
        using (var reader = _claim.ExecuteReader())
        {
            while (reader.Read())
            {
                var message = MessageRows.Read(reader);
                jobs.Add(new DeliveryJob(
                    message,
                    message.Attempts,
                    reader.GetString(MessageRows.Next),
                    UnixMs.To(reader.GetInt64(MessageRows.Next + 1))));
            }
        }

        // RETURNING yields rows in storage order, not in the sub-select's order.
        jobs.Sort(static (a, b) =>
        {
            var byPriority = a.Message.Priority.CompareTo(b.Message.Priority);
            return byPriority != 0 ? byPriority : a.Message.NextAttemptAt.CompareTo(b.Message.NextAttemptAt);
        });
        return jobs;
    }
}
