namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Records one webhook delivery attempt by the claimer still holding the row (delivered, retry at a time, or given up)
/// and releases the claim; false when the row is not claimed by that owner.
/// </summary>
internal sealed class WebhookAttemptOp(long seq, string owner, bool delivered, DateTimeOffset? nextAttemptAt, string? error, CancellationToken cancellationToken)
    : WriteOp<bool>(cancellationToken)
{
    protected override bool Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = $next, " +
            "delivered_at = $delivered, last_error = $error, lease_owner = NULL, lease_expires_at = NULL " +
            "WHERE seq = $seq AND lease_owner = $owner";
        command.Parameters.AddWithValue("$next", delivered ? DBNull.Value : DbValue.Of(nextAttemptAt));
        command.Parameters.AddWithValue("$delivered", delivered ? UnixMs.From(session.TimeProvider.GetUtcNow()) : DBNull.Value);
        command.Parameters.AddWithValue("$error", DbValue.Of(error));
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$owner", owner);
        return command.ExecuteNonQuery() == 1;
    }
}
