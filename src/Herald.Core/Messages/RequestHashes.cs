using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Herald.Core.Messages;

/// <summary>
/// The idempotency fingerprint of a request: type, normalised recipient and the data re-serialised, so that whitespace
/// differences do not count as "a different body" (Stripe and Postmark compare parameters, not bytes). A hash of a body
/// holding a 6-digit sign-in code gives the code back in a million guesses, so for a type with secret fields the
/// fingerprint is two hashes, <c>without-secrets.everything</c>, and a store keeps only the first once it purges the
/// secrets (<see cref="Purged"/>). A key reused after that is compared on what is left.
/// </summary>
public static class RequestHashes
{
    public static string Of(string type, string to, JsonElement data, IReadOnlyList<string> secretFields)
    {
        var body = JsonSerializer.Serialize(data);
        var all = Hash(type, to, body);
        return secretFields.Count == 0 ? all : $"{Hash(type, to, SecretData.Purge(body, secretFields) ?? "")}.{all}";
    }

    /// <summary>What a store keeps once the secrets are purged: the hash that covers no secret.</summary>
    public static string Purged(string hash) => hash.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? hash[..dot] : hash;

    /// <summary>Whether an incoming request is the stored one: on everything, or on what is left after a purge.</summary>
    public static bool SameRequest(string stored, string incoming) =>
        stored == incoming || (!stored.Contains('.', StringComparison.Ordinal) && stored == Purged(incoming));

    private static string Hash(string type, string to, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{to.ToLowerInvariant()}\n{body}")));
}
