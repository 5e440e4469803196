namespace Herald.Smtp.DevMailbox;

/// <summary>One message the development mailbox accepted, with its envelope and the bytes as received.</summary>
public sealed record CapturedMessage(
    string Id, DateTimeOffset ReceivedAt, string MailFrom, IReadOnlyList<string> RcptTo, string? Subject, byte[] Raw);
