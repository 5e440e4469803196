using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <param name="NextCursor">Pass as <c>before</c> to get the next (older) page; null on the last page.</param>
public sealed record MessagePage(IReadOnlyList<StoredMessage> Items, string? NextCursor);
