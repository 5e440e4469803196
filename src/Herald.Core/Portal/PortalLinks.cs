using System.Security.Cryptography;
using System.Text;
using Herald.Core.Messages;

namespace Herald.Core.Portal;

/// <summary>
/// Links the application mints for its signed-in user to open their email settings without another password (as
/// Stripe's customer-portal sessions do): 160 random bits, single-use, short-lived, stored only as a SHA-256, so the
/// database alone cannot open anyone's settings.
/// </summary>
public sealed class PortalLinks(IPortalLinkStore store, TimeProvider time)
{
    public const string Prefix = "pl_";

    /// <summary>How long a link works when the application does not say: long enough to click, short enough to leak little.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The longest lifetime an application may ask for.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public async Task<(string Token, DateTimeOffset ExpiresAt)> MintAsync(string recipientId, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Prefix + MessageFactory.RandomToken(32);
        var expires = now + (lifetime ?? DefaultLifetime);
        await store.AddAsync(new PortalLink(Hash(token), recipientId, now, expires), cancellationToken);
        return (token, expires);
    }

    /// <summary>The recipient the link opens, or null: unknown, forged, expired or already used (the page says the same for all).</summary>
    public Task<string?> RedeemAsync(string token, CancellationToken cancellationToken) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length < 100
            ? store.RedeemAsync(Hash(token), time.GetUtcNow(), cancellationToken)
            : Task.FromResult<string?>(null);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
