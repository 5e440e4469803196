using System.Security.Cryptography;
using System.Text;
using Dapper;
using Herald.Core.Recipients;
using Npgsql;

namespace Herald.Storage.Postgres.Recipients;

/// <summary>Verification tokens and the re-send counter: "check, then spend" under a row lock or an advisory lock.</summary>
internal static class VerificationWrites
{
    public static Task<int> IssueAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address, string tokenHash, string? codeHash, DateTimeOffset expiresAt, DateTimeOffset now) =>
        c.ExecuteAsync(
            "INSERT INTO verification_tokens (address_lower, recipient_id, token_hash, code_hash, code_failures, created_at, expires_at, used_at) " +
            "VALUES (@a, @id, @token, @code, 0, @now, @expires, NULL) ON CONFLICT (address_lower) DO UPDATE SET recipient_id = excluded.recipient_id, " +
            "token_hash = excluded.token_hash, code_hash = excluded.code_hash, code_failures = 0, created_at = excluded.created_at, " +
            "expires_at = excluded.expires_at, used_at = NULL",
            new { a = address.ToLowerInvariant(), id, token = tokenHash, code = codeHash, now = UnixMs.From(now), expires = UnixMs.From(expiresAt) }, tx);

    public static async Task<VerificationRedemption> RedeemTokenAsync(NpgsqlConnection c, NpgsqlTransaction tx, string tokenHash, DateTimeOffset now)
    {
        var row = await c.QuerySingleOrDefaultAsync<(string Address, string Id, long Expires, long? Used)?>(
            "SELECT address_lower, recipient_id, expires_at, used_at FROM verification_tokens WHERE token_hash = @h FOR UPDATE", new { h = tokenHash }, tx);
        if (row is not { } r || r.Used is not null || UnixMs.To(r.Expires) <= now)
        {
            return new VerificationRedemption.Refused();
        }

        return await SpendAsync(c, tx, r.Id, r.Address, "link", now);
    }

    public static async Task<VerificationRedemption> RedeemCodeAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address, string codeHash, DateTimeOffset now)
    {
        var lower = address.ToLowerInvariant();
        var row = await c.QuerySingleOrDefaultAsync<(string? Code, long Expires, long? Used)?>(
            "SELECT code_hash, expires_at, used_at FROM verification_tokens WHERE address_lower = @a AND recipient_id = @id FOR UPDATE", new { a = lower, id }, tx);
        if (row is not { Code: { } stored } r || r.Used is not null || UnixMs.To(r.Expires) <= now)
        {
            return new VerificationRedemption.Refused();
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(codeHash)))
        {
            await c.ExecuteAsync(
                "UPDATE verification_tokens SET code_failures = code_failures + 1, " +
                "used_at = CASE WHEN code_failures + 1 >= @max THEN @now ELSE used_at END WHERE address_lower = @a",
                new { a = lower, max = VerificationRules.MaxCodeFailures, now = UnixMs.From(now) }, tx);
            return new VerificationRedemption.Refused();
        }

        return await SpendAsync(c, tx, id, lower, "code", now);
    }

    /// <summary>Counted per address across all nodes: the advisory lock makes count-then-insert atomic.</summary>
    public static async Task<bool> TryCountRequestAsync(NpgsqlConnection c, NpgsqlTransaction tx, string address, DateTimeOffset now, TimeSpan window, int max)
    {
        var a = address.ToLowerInvariant();
        await c.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name = "verify:" + a }, tx);
        await c.ExecuteAsync("DELETE FROM verification_requests WHERE requested_at <= @since", new { since = UnixMs.From(now - window) }, tx);
        if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM verification_requests WHERE address_lower = @a", new { a }, tx) >= max)
        {
            return false;
        }

        await c.ExecuteAsync("INSERT INTO verification_requests (address_lower, requested_at) VALUES (@a, @now)", new { a, now = UnixMs.From(now) }, tx);
        return true;
    }

    /// <summary>The address must still belong to the recipient the token was issued for (it may have been removed since).</summary>
    private static async Task<VerificationRedemption> SpendAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string addressLower, string by, DateTimeOffset now)
    {
        if (await RecipientRows.OwnerOfAsync(c, tx, addressLower) != id)
        {
            await c.ExecuteAsync("DELETE FROM verification_tokens WHERE address_lower = @a", new { a = addressLower }, tx);
            return new VerificationRedemption.Refused();
        }

        await RecipientWrites.VerifyAsync(c, tx, addressLower, by, now);
        var address = await c.ExecuteScalarAsync<string>("SELECT address FROM recipient_addresses WHERE address_lower = @a", new { a = addressLower }, tx);
        return new VerificationRedemption.Verified(id, address!, now);
    }
}
