using System.Security.Cryptography;
using System.Text;
using Herald.Core.Recipients;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.RecipientRows;

namespace Herald.Storage.Sqlite;

/// <summary>Verification tokens and the re-send counter, run by the writer so that "check, then spend" is atomic.</summary>
internal static class VerificationWrites
{
    public static int Issue(SqliteConnection c, string id, string address, string tokenHash, string? codeHash, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Execute(c,
            "INSERT OR REPLACE INTO verification_tokens (address_lower, recipient_id, token_hash, code_hash, code_failures, created_at, expires_at, used_at) " +
            "VALUES ($a, $id, $token, $code, 0, $now, $expires, NULL)",
            ("$a", address.ToLowerInvariant()), ("$id", id), ("$token", tokenHash), ("$code", codeHash),
            ("$now", UnixMs.From(now)), ("$expires", UnixMs.From(expiresAt)));

    public static VerificationRedemption RedeemToken(SqliteConnection c, string tokenHash, DateTimeOffset now)
    {
        using var command = Command(c,
            "SELECT address_lower, recipient_id, expires_at, used_at FROM verification_tokens WHERE token_hash = $h", ("$h", tokenHash));
        string address, id;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || !reader.IsDBNull(3) || UnixMs.To(reader.GetInt64(2)) <= now)
            {
                return new VerificationRedemption.Refused();
            }

            (address, id) = (reader.GetString(0), reader.GetString(1));
        }

        return Spend(c, id, address, "link", now);
    }

    public static VerificationRedemption RedeemCode(SqliteConnection c, string id, string address, string codeHash, DateTimeOffset now)
    {
        var lower = address.ToLowerInvariant();
        using var command = Command(c,
            "SELECT code_hash, expires_at, used_at, code_failures FROM verification_tokens WHERE address_lower = $a AND recipient_id = $id",
            ("$a", lower), ("$id", id));
        string stored;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || reader.IsDBNull(0) || !reader.IsDBNull(2) || UnixMs.To(reader.GetInt64(1)) <= now)
            {
                return new VerificationRedemption.Refused();
            }

            stored = reader.GetString(0);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(codeHash)))
        {
            Execute(c,
                "UPDATE verification_tokens SET code_failures = code_failures + 1, " +
                "used_at = CASE WHEN code_failures + 1 >= $max THEN $now ELSE used_at END WHERE address_lower = $a",
                ("$a", lower), ("$max", VerificationRules.MaxCodeFailures), ("$now", UnixMs.From(now)));
            return new VerificationRedemption.Refused();
        }

        return Spend(c, id, lower, "code", now);
    }

    public static bool TryCountRequest(SqliteConnection c, string address, DateTimeOffset now, TimeSpan window, int max)
    {
        var lower = address.ToLowerInvariant();
        var since = UnixMs.From(now - window);
        Execute(c, "DELETE FROM verification_requests WHERE requested_at <= $since", ("$since", since));
        var count = (long)Scalar(c, "SELECT count(*) FROM verification_requests WHERE address_lower = $a", ("$a", lower))!;
        if (count >= max)
        {
            return false;
        }

        Execute(c, "INSERT INTO verification_requests (address_lower, requested_at) VALUES ($a, $now)", ("$a", lower), ("$now", UnixMs.From(now)));
        return true;
    }

    /// <summary>The address must still belong to the recipient the token was issued for (it may have been removed since).</summary>
    private static VerificationRedemption Spend(SqliteConnection c, string id, string addressLower, string by, DateTimeOffset now)
    {
        if (OwnerOf(c, addressLower) != id)
        {
            Execute(c, "DELETE FROM verification_tokens WHERE address_lower = $a", ("$a", addressLower));
            return new VerificationRedemption.Refused();
        }

        RecipientWrites.Verify(c, addressLower, by, now);
        var address = (string)Scalar(c, "SELECT address FROM recipient_addresses WHERE address_lower = $a", ("$a", addressLower))!;
        return new VerificationRedemption.Verified(id, address, now);
    }
}
