using Herald.Core.Catalogue;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Recipients;

/// <summary>
/// Problems in the recipient settings, found at start-up and by <c>herald config check</c> rather than when the first
/// verification email or unsubscribe link is needed.
/// </summary>
internal static class RecipientsConfiguration
{
    public static RecipientsOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection("Herald:Recipients").Get<RecipientsOptions>() ?? new RecipientsOptions();
        options.PublicUrl ??= configuration["Herald:PublicUrl"];
        options.TokenKey ??= configuration["Herald:Secrets:TokenKey"];
        return options;
    }

    public static IEnumerable<string> Check(IConfiguration configuration, IReadOnlyDictionary<string, NotificationTypeOptions> catalogue)
    {
        var o = Read(configuration);
        if (!string.IsNullOrEmpty(o.PublicUrl)
            && (!Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.Query)))
        {
            yield return $"Herald:PublicUrl: '{o.PublicUrl}' must be an absolute http(s) URL without a query, e.g. https://herald.example.com";
        }

        if (!string.IsNullOrEmpty(o.TokenKey) && o.TokenKey.Length < TokenKeys.MinLength)
        {
            yield return $"Herald:Secrets:TokenKey: must be at least {TokenKeys.MinLength} characters (or leave it unset to generate one)";
        }

        if (o.VerificationLifetime <= TimeSpan.Zero)
        {
            yield return "Herald:Recipients:VerificationLifetime: must be positive, e.g. 1.00:00:00";
        }

        if (o.VerificationResendLimit < 1 || o.VerificationResendWindow <= TimeSpan.Zero)
        {
            yield return "Herald:Recipients:VerificationResendLimit and VerificationResendWindow: must be at least 1 and positive";
        }

        foreach (var (setting, key) in new[] { ("PrimaryVerificationType", o.PrimaryVerificationType), ("SecondaryVerificationType", o.SecondaryVerificationType) })
        {
            if (!catalogue.TryGetValue(key, out var type))
            {
                yield return $"Herald:Recipients:{setting}: '{key}' is not a type of the catalogue";
            }
            else if (!type.Fields.ContainsKey("link"))
            {
                yield return $"Herald:Catalogue:{key}:Fields: needs a 'link' field to carry the verification link ({setting})";
            }
        }
    }
}
