using Herald.Core.Messages;

namespace Herald.Core.Feedback;

/// <summary>
/// A final message's status corrected by what came back after it (a bounce or complaint after <c>delivered</c>),
/// applied by the store only while the message is still in one of <paramref name="From"/>, in the same transaction
/// as the ledger change and the timeline event.
/// </summary>
public sealed record MessageStatusChange(string MessageId, IReadOnlyList<MessageStatus> From, MessageStatus To);
