using Herald.Core.Feedback;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Records one webhook delivery attempt by the claimer still holding the row (delivered, retry at a time, or a dead
/// letter), adds it to the row's attempts and releases the claim; false when the row is not claimed by that owner.
/// </summary>
internal sealed class WebhookAttemptOp(WebhookAttemptRecord record, CancellationToken cancellationToken) : WriteOp<bool>(cancellationToken)
{
    protected override bool Run(WriterSession session)
    {
        var attempt = record.Attempt;
        using var command = session.Connection.CreateCommand();
        command.CommandText = "UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = $next, " +
            "delivered_at = $delivered, last_error = $error, lease_owner = NULL, lease_expires_at = NULL " +
            "WHERE seq = $seq AND lease_owner = $owner";
        command.Parameters.AddWithValue("$next", attempt.Delivered ? DBNull.Value : DbValue.Of(record.NextAttemptAt));
        command.Parameters.AddWithValue("$delivered", attempt.Delivered ? UnixMs.From(attempt.At) : DBNull.Value);
        command.Parameters.AddWithValue("$error", DbValue.Of(attempt.Error));
        command.Parameters.AddWithValue("$seq", record.Seq);
        command.Parameters.AddWithValue("$owner", record.Owner);
        if (command.ExecuteNonQuery() != 1)
        {
            return false;
        }

        using var insert = session.Connection.CreateCommand();
        insert.CommandText = "INSERT INTO webhook_attempts (seq, at, delivered, status_code, error) VALUES ($seq, $at, $delivered, $code, $error)";
        insert.Parameters.AddWithValue("$seq", record.Seq);
        insert.Parameters.AddWithValue("$at", UnixMs.From(attempt.At));
        insert.Parameters.AddWithValue("$delivered", attempt.Delivered ? 1 : 0);
        insert.Parameters.AddWithValue("$code", DbValue.Of(attempt.StatusCode));
        insert.Parameters.AddWithValue("$error", DbValue.Of(attempt.Error));
        insert.ExecuteNonQuery();
        return true;
    }
}
