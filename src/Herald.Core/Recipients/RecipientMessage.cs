using Herald.Core.Messages;

namespace Herald.Core.Recipients;

/// <summary>One recent message to any address of a recipient, with the plain-words detail of its latest event.</summary>
public sealed record RecipientMessage(
    string Id,
    string Type,
    string Category,
    string To,
    MessageStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LastDetail);
