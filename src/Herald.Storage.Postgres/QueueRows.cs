namespace Herald.Storage.Postgres;

/// <summary>
/// The queue table (migration 0007): one narrow row per waiting (queued or deferred) message, the home of its lease, its
/// attempts and its next attempt while it waits, so that a claim and an outcome never change an indexed column of the
/// wide messages row.
/// </summary>
internal static class QueueRows
{
    /// <summary>The SET list that frees a row for the next claim.</summary>
    public const string Release = "lease_owner = NULL, lease_node = NULL, lease_token = NULL, lease_expires_at = NULL";

    /// <summary>
    /// <paramref name="insertMessages"/> (an INSERT INTO messages without RETURNING) followed, in the same statement, by the
    /// queue rows of the messages it stored queued: one statement, so a plain enqueue and a group commit keep their one
    /// round trip and no claim can see the message without its queue row, nor the queue row without its message.
    /// </summary>
    public static string Enqueue(string insertMessages) =>
        "WITH stored AS (" + insertMessages + " RETURNING id, priority, next_attempt_at, attempts, status) " +
        "INSERT INTO queue (id, priority, next_attempt_at, attempts) SELECT id, priority, next_attempt_at, attempts FROM stored WHERE status = 'queued'";
}
