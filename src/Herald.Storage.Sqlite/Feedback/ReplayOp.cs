namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Remember (true when new or expired) or forget a provider event id, inside the writer's transaction.</summary>
internal sealed class ReplayOp(string provider, string id, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    : WriteOp<bool>(cancellationToken)
{
    protected override bool Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.Parameters.AddWithValue("$p", provider);
        command.Parameters.AddWithValue("$id", id);
        if (expiresAt is not { } expires)
        {
            command.CommandText = "DELETE FROM replay_guard WHERE provider = $p AND id = $id";
            return command.ExecuteNonQuery() == 1;
        }

        // An expired row is taken over: the provider's own retry window is over, so this is a new delivery.
        command.CommandText = "INSERT INTO replay_guard (provider, id, expires_at) VALUES ($p, $id, $exp) " +
            "ON CONFLICT (provider, id) DO UPDATE SET expires_at = excluded.expires_at WHERE replay_guard.expires_at <= $now";
        command.Parameters.AddWithValue("$exp", UnixMs.From(expires));
        command.Parameters.AddWithValue("$now", UnixMs.From(session.TimeProvider.GetUtcNow()));
        return command.ExecuteNonQuery() == 1;
    }
}
