using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Server.Recipients;

/// <summary>
/// HMAC-SHA256 tokens. Unsubscribe tokens carry what they name (recipient and category) and a MAC over it, so they
/// need no storage and cannot be altered to name someone else. Verification tokens are random and stored only as
/// a keyed hash. Each use has its own purpose label, so a token of one kind is never valid as another.
/// </summary>
internal sealed class TokenSigner(byte[] key)
{
    private const string UnsubscribePurpose = "unsubscribe/v1";

    private const string SettingsPurpose = "settings/v1";

    public string Unsubscribe(string recipientId, string category) => Sign(UnsubscribePurpose, recipientId + "\n" + category);

    /// <summary>Reads an unsubscribe token; false for anything forged, altered or malformed.</summary>
    public bool TryReadUnsubscribe(string? token, out string recipientId, out string category)
    {
        (recipientId, category) = ("", "");
        if (!TryRead(UnsubscribePurpose, token, out var text) || text.Split('\n') is not [var id, var name])
        {
            return false;
        }

        (recipientId, category) = (id, name);
        return true;
    }

    /// <summary>
    /// The "Manage your email settings" link of an email: it opens that recipient's preferences only (not their
    /// addresses or messages), like the unsubscribe link beside it, so it needs no storage and may be forwarded safely.
    /// </summary>
    public string Settings(string recipientId) => Sign(SettingsPurpose, recipientId);

    public bool TryReadSettings(string? token, out string recipientId) => TryRead(SettingsPurpose, token, out recipientId);

    private string Sign(string purpose, string text)
    {
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
        return payload + "." + Base64Url.EncodeToString(Mac(purpose, payload));
    }

    private bool TryRead(string purpose, string? token, out string text)
    {
        text = "";
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 1024)
        {
            return false;
        }

        var payload = token[..dot];
        byte[] mac, data;
        try
        {
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            data = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(purpose, payload)))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(data);
        return true;
    }

    /// <summary>A new verification token: 256 random bits, base64url.</summary>
    public static string NewVerificationToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A 6-digit code, uniformly drawn.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What is stored for a verification token: a keyed hash, so the database alone cannot make a working link.</summary>
    public string HashToken(string token) => Convert.ToHexStringLower(Mac("verify-token/v1", token));

    /// <summary>A code is bound to its recipient and address, so one address's code never verifies another.</summary>
    public string HashCode(string recipientId, string address, string code) =>
        Convert.ToHexStringLower(Mac("verify-code/v1", recipientId + "\n" + address.ToLowerInvariant() + "\n" + code.Trim()));

    private byte[] Mac(string purpose, string value) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + "\n" + value));
}
