using Herald.Core.Catalogue;

namespace Herald.Core.Messages;

/// <summary>
/// A validated notification ready to be persisted: one recipient, everything fixed at enqueue time.
/// The RFC 5322 Message-ID is chosen here and reused on every attempt, so a duplicate delivery caused by
/// a crash between the end of DATA and the 250 reply carries the same Message-ID and can be deduplicated.
/// </summary>
/// <param name="Id">Herald's id, e.g. <c>msg_01J...</c>; also the VERP token's source.</param>
/// <param name="DataJson">The template data as a JSON object, secret fields included (purged when final).</param>
/// <param name="SecretFields">Names of fields in <paramref name="DataJson"/> that must never be shown.</param>
/// <param name="RateLimit">The type's limit per address, checked by the store as it inserts (<see cref="EnqueueResult.Throttled"/>).</param>
/// <param name="RequestHash">Fingerprint of the normalised request body, to detect idempotency-key reuse with another body; its part covering secret fields is dropped with them (<see cref="RequestHashes"/>).</param>
public sealed record NewMessage(
    string Id,
    string Type,
    string Category,
    Priority Priority,
    string To,
    string DataJson,
    IReadOnlyList<string> SecretFields,
    string? IdempotencyKey,
    string RequestHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string MessageIdHeader,
    string ReturnPath,
    string Route,
    RateLimit? RateLimit = null);
