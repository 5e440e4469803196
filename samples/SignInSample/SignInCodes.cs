using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SignInSample;

/// <summary>
/// The application's half of a magic code: it makes the code, keeps only its hash for ten minutes (Herald's
/// magic-code type expires unsent after ten minutes too), and allows five tries. Herald only carries it: the code is a
/// secret field there, never shown by its API or logs and purged once the message is final.
/// </summary>
internal sealed class SignInCodes(TimeProvider time)
{
    private const int MaxTries = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The application's own user id for an address (Herald's recipient id): stable, and not the address itself.</summary>
    public static string UserId(string email) =>
        "u-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..16];

    /// <summary>A new 6-digit code for <paramref name="email"/>; it replaces any earlier one.</summary>
    public string Issue(string email)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        _pending[email] = new Pending(Hash(code), time.GetUtcNow() + Lifetime, 0);
        return code;
    }

    public bool TryRedeem(string email, string code)
    {
        if (!_pending.TryGetValue(email, out var pending) || time.GetUtcNow() > pending.ExpiresAt || pending.Tries >= MaxTries)
        {
            _pending.TryRemove(email, out _);
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(pending.Hash, Hash(code.Trim())))
        {
            _pending[email] = pending with { Tries = pending.Tries + 1 };
            return false;
        }

        _pending.TryRemove(email, out _);
        return true;
    }

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    private sealed record Pending(byte[] Hash, DateTimeOffset ExpiresAt, int Tries);
}
