using Herald.Core.Messages;

namespace Herald.Core.Doctor;

/// <summary>One of the address's recent messages as the doctor reports it.</summary>
/// <param name="NextAttemptAt">Set for a deferred message: when Herald tries again.</param>
/// <param name="LastReply">The last remote reply or detail of its timeline, exactly as stored.</param>
public sealed record MessageFact(string Id, string Type, MessageStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, string? LastReply);
