using Dapper;
using Herald.Core.Portal;

namespace Herald.Storage.Postgres.Portal;

/// <summary>Portal links in the shared database; redeeming is one conditional UPDATE, so two nodes cannot both redeem a link.</summary>
public sealed class PostgresPortalLinkStore(PostgresStore store) : IPortalLinkStore
{
    public Task AddAsync(PortalLink link, CancellationToken cancellationToken) =>
        store.WriteAsync(async (c, tx) =>
        {
            // Expired links are useless; dropping them here keeps the table as small as the links in flight.
            await c.ExecuteAsync("DELETE FROM portal_links WHERE expires_at < @created", new { created = UnixMs.From(link.CreatedAt) }, tx);
            return await c.ExecuteAsync(
                "INSERT INTO portal_links (token_hash, recipient_id, created_at, expires_at, used_at) VALUES (@hash, @recipient, @created, @expires, NULL)",
                new { hash = link.TokenHash, recipient = link.RecipientId, created = UnixMs.From(link.CreatedAt), expires = UnixMs.From(link.ExpiresAt) }, tx);
        }, durable: true, cancellationToken);

    public Task<string?> RedeemAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => c.QuerySingleOrDefaultAsync<string?>(
            "UPDATE portal_links SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now RETURNING recipient_id",
            new { hash = tokenHash, now = UnixMs.From(now) }, tx), durable: true, cancellationToken);
}
