using System.Security.Cryptography;
using System.Text;

namespace Herald.Server.Feedback.Webhooks;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com, "Signature scheme"): HMAC-SHA256 over
/// "{webhook-id}.{webhook-timestamp}.{body}" with the base64 key after the "whsec_" prefix, sent as "v1,{base64}".
/// </summary>
public static class WebhookSigner
{
    public const string Prefix = "whsec_";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
