using Herald.Core.Feedback;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Makes dead letters (neither delivered nor due) of one endpoint due again, optionally for another endpoint.</summary>
internal sealed class WebhookReplayOp(WebhookReplay replay, CancellationToken cancellationToken) : WriteOp<int>(cancellationToken)
{
    protected override int Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "UPDATE webhook_outbox SET next_attempt_at = $now, endpoint = $to " +
            "WHERE endpoint = $endpoint AND " + WebhookRows.DeadSql + " AND ($seq IS NULL OR seq = $seq)";
        command.Parameters.AddWithValue("$now", UnixMs.From(replay.Now));
        command.Parameters.AddWithValue("$to", replay.To ?? replay.Endpoint);
        command.Parameters.AddWithValue("$endpoint", replay.Endpoint);
        command.Parameters.AddWithValue("$seq", DbValue.Of(replay.Seq));
        return command.ExecuteNonQuery();
    }
}
