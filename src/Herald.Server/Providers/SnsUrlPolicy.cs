using System.Text.RegularExpressions;

namespace Herald.Server.Providers;

/// <summary>
/// Which URLs in an SNS message we may fetch. AWS: "verify that the SigningCertURL is from Amazon SNS" — anything else
/// would let a forger point us at their own certificate (or make us request an internal URL: SSRF). Checked before
/// any network access; the host must be exactly sns.&lt;region&gt;.amazonaws.com(.cn), over https on port 443.
/// </summary>
internal static partial class SnsUrlPolicy
{
    // Real certificate URLs are plain paths (SimpleNotificationService-<hash>.pem); no query or fragment is needed.
    public static bool IsSigningCertUrl(string url) =>
        TryTrusted(url, out var uri)
        && uri.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal)
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0;

    public static bool IsSubscribeUrl(string? url) => url is not null && TryTrusted(url, out _);

    public static bool TryTrusted(string url, out Uri uri)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri!))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && string.IsNullOrEmpty(uri.UserInfo)
            && SnsHost().IsMatch(uri.IdnHost);
    }

    // Regions look like us-east-1, eu-central-2, us-gov-west-1, cn-north-1. Anchored both ends: no suffix tricks.
    [GeneratedRegex(@"^sns\.[a-z]{2}(?:-[a-z]+)+-[0-9]+\.amazonaws\.com(?:\.cn)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SnsHost();
}
