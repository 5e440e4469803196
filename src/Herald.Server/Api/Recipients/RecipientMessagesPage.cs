using Herald.Server.Api.Messages;

namespace Herald.Server.Api.Recipients;

/// <param name="Next">The URL of the next (older) page, or null on the last page.</param>
public sealed record RecipientMessagesPage(IReadOnlyList<MessageView> Items, string? Next);
