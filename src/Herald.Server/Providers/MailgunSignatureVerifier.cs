using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Herald.Core.Inbound;

namespace Herald.Server.Providers;

/// <summary>
/// Mailgun webhook authenticity (Mailgun docs, "Securing webhooks"): HMAC-SHA256 keyed with the signing key over
/// timestamp followed by token, hex-encoded. We add what the docs recommend: a freshness window and single use of
/// each token, so a captured request cannot be replayed.
/// </summary>
internal sealed class MailgunSignatureVerifier(MailgunWebhookOptions options, IReplayGuard replayGuard, TimeProvider time)
{
    public const string TokenScope = "mailgun-token";

    public async Task<VerificationResult> VerifyAsync(MailgunSignature signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            return VerificationResult.Rejected("no Mailgun signing key is configured");
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.Signature);
        }
        catch (FormatException)
        {
            return VerificationResult.Rejected("signature is not hex");
        }

        var expected = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(options.SigningKey), Encoding.UTF8.GetBytes(signature.Timestamp + signature.Token));

        // Constant time, so the comparison does not leak how many leading bytes of a guess were right.
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return VerificationResult.Rejected("signature does not match");
        }

        if (!long.TryParse(signature.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return VerificationResult.Rejected("timestamp is not unix seconds");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((time.GetUtcNow() - signedAt).Duration() > options.Tolerance)
        {
            return VerificationResult.Rejected("timestamp is outside the accepted window");
        }

        // Checked last, so that forged requests cannot use up tokens. Remembered past the window: older is refused anyway.
        var fresh = await replayGuard.TryRememberAsync(TokenScope, signature.Token, signedAt + options.Tolerance + options.Tolerance, cancellationToken);
        return fresh ? VerificationResult.Verified : VerificationResult.Rejected("token was already used");
    }
}
