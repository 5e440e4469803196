namespace Herald.Server.Api.DevMailbox;

public sealed record MailboxItem(
    string Id,
    DateTimeOffset ReceivedAt,
    string MailFrom,
    IReadOnlyList<string> RcptTo,
    string? Subject,
    string? Type,
    string? MessageId,
    string Raw);
