using Herald.Core.Portal;

namespace Herald.Storage.Sqlite.Portal;

/// <summary>Portal links in the store's SQLite file; redeeming is one conditional UPDATE through the one writer, so two
/// concurrent uses of one link cannot both succeed.</summary>
public sealed class SqlitePortalLinkStore(SqliteStore store) : IPortalLinkStore
{
    public Task AddAsync(PortalLink link, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<bool>(session =>
        {
            using var command = session.Connection.CreateCommand();
            // Expired links are useless; dropping them here keeps the table as small as the links in flight.
            command.CommandText = "DELETE FROM portal_links WHERE expires_at < $created; " +
                "INSERT INTO portal_links (token_hash, recipient_id, created_at, expires_at, used_at) VALUES ($hash, $recipient, $created, $expires, NULL)";
            command.Parameters.AddWithValue("$hash", link.TokenHash);
            command.Parameters.AddWithValue("$recipient", link.RecipientId);
            command.Parameters.AddWithValue("$created", UnixMs.From(link.CreatedAt));
            command.Parameters.AddWithValue("$expires", UnixMs.From(link.ExpiresAt));
            return command.ExecuteNonQuery() >= 1;
        }, cancellationToken));

    public Task<string?> RedeemAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<string?>(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "UPDATE portal_links SET used_at = $now WHERE token_hash = $hash AND used_at IS NULL AND expires_at > $now RETURNING recipient_id";
            command.Parameters.AddWithValue("$hash", tokenHash);
            command.Parameters.AddWithValue("$now", UnixMs.From(now));
            return command.ExecuteScalar() as string;
        }, cancellationToken));
}
