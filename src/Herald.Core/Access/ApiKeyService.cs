using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Herald.Core.Messages;

namespace Herald.Core.Access;

/// <summary>
/// Creates, checks and revokes API keys. A key is <c>hk_&lt;id&gt;_&lt;secret&gt;</c> with 160 random bits of secret; the
/// store keeps only the SHA-256 of the whole key. A fast hash is enough for a secret that random (GitHub and Stripe
/// store theirs the same way); a slow password hash would cost a millisecond per API call for nothing. The prefix
/// lets secret scanners recognise a leaked key.
/// </summary>
public sealed class ApiKeyService(IApiKeyStore store, TimeProvider time)
{
    public const string Prefix = "hk_";

    /// <summary>
    /// How long a checked key is trusted without asking the store again. A revocation on this node takes effect at once
    /// (the cache entry is dropped); one made elsewhere (the CLI, another node) within this time.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (StoredApiKey? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<KeyCreation> CreateAsync(string? name, IReadOnlyList<string>? scopes, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            errors["name"] = ["say who holds the key, in 1 to 100 printable characters: it names them in the audit"];
        }

        var wanted = (scopes ?? []).Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            errors["scopes"] = [$"name at least one of: {string.Join(", ", Scopes.All)}"];
        }
        else if (wanted.Where(s => !Scopes.IsKnown(s)).ToList() is { Count: > 0 } unknown)
        {
            errors["scopes"] = [$"unknown scope {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the scopes are: {string.Join(", ", Scopes.All)}"];
        }

        if (errors.Count > 0)
        {
            return new KeyCreation.Invalid(errors);
        }

        var id = MessageFactory.RandomToken(16);
        var token = $"{Prefix}{id}_{MessageFactory.RandomToken(32)}";
        var key = new ApiKey(id, name!.Trim(), [.. Scopes.All.Where(wanted.Contains)], time.GetUtcNow(), null);
        await store.AddAsync(new StoredApiKey(key, Hash(token)), cancellationToken);
        return new KeyCreation.Created(key, token);
    }

    /// <summary>The active key this token is, or null (unknown, altered, revoked): the caller answers 401 either way.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!TryParse(token, out var id))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(id, out var cached) || cached.Until <= now)
        {
            cached = (await store.FindAsync(id, cancellationToken), now + CacheFor);
            if (cached.Key is not null)
            {
                // Only keys that exist are cached: made-up ids must not grow the cache.
                _cache[id] = cached;
            }
        }

        // Compared in constant time, so the answer's timing says nothing about how much of a guessed secret was right.
        return cached.Key is { Key.IsActive: true } stored
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.SecretHash), Encoding.ASCII.GetBytes(Hash(token)))
            ? stored.Key
            : null;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken);
        _cache.TryRemove(id, out _);
        return revoked;
    }

    private static bool TryParse(string token, out string id)
    {
        id = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length != Prefix.Length + 16 + 1 + 32 || token[Prefix.Length + 16] != '_')
        {
            return false;
        }

        id = token.Substring(Prefix.Length, 16);
        return true;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
