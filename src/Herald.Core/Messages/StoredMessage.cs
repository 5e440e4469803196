namespace Herald.Core.Messages;

/// <summary>A message as read back from storage.</summary>
/// <param name="DataJson">Null once the message is final and its secret fields were purged (non-secret fields stay).</param>
public sealed record StoredMessage(
    string Id,
    string Type,
    string Category,
    Priority Priority,
    string To,
    string? DataJson,
    IReadOnlyList<string> SecretFields,
    string? IdempotencyKey,
    string RequestHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string MessageIdHeader,
    string ReturnPath,
    string Route,
    MessageStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset UpdatedAt);
