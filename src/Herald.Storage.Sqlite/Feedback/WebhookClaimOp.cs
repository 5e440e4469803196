using Herald.Core.Feedback;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Claims due outbox rows under a lease in one statement, as <see cref="ClaimStatements"/> does for messages.</summary>
internal sealed class WebhookClaimOp(WebhookClaim claim, CancellationToken cancellationToken)
    : WriteOp<IReadOnlyList<OutboxMessage>>(cancellationToken)
{
    /// <summary>Lost on power failure, this only means the event is sent again (at least once, same webhook-id).</summary>
    public override bool Durable => false;

    protected override IReadOnlyList<OutboxMessage> Run(WriterSession session)
    {
        if (claim.Max <= 0)
        {
            return [];
        }

        using var command = session.Connection.CreateCommand();
        command.CommandText = "UPDATE webhook_outbox SET lease_owner = $owner, lease_expires_at = $expires WHERE seq IN (" +
            "SELECT seq FROM webhook_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $now " +
            "AND (lease_expires_at IS NULL OR lease_expires_at <= $now) ORDER BY next_attempt_at, seq LIMIT $max) " +
            "RETURNING seq, id, endpoint, type, payload, created_at, attempts, next_attempt_at";
        command.Parameters.AddWithValue("$owner", claim.Owner);
        command.Parameters.AddWithValue("$expires", UnixMs.From(claim.Now + claim.LeaseDuration));
        command.Parameters.AddWithValue("$now", UnixMs.From(claim.Now));
        command.Parameters.AddWithValue("$max", claim.Max);
        var rows = new List<(long Due, OutboxMessage Row)>();
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add((r.GetInt64(7), new OutboxMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    UnixMs.To(r.GetInt64(5)), r.GetInt32(6))));
            }
        }

        // RETURNING yields rows in storage order, not in the sub-select's order.
        return rows.OrderBy(x => x.Due).ThenBy(x => x.Row.Seq).Select(x => x.Row).ToList();
    }
}
