namespace Herald.Core.Inbound;

/// <summary>
/// One message received by the inbound listener (a bounce, an auto-reply or an ARF complaint), exactly as it was
/// transmitted after dot-unstuffing (RFC 5321 section 4.5.2). Recipients are only Return-Paths Herald issued.
/// </summary>
/// <param name="MailFrom">The envelope sender; empty for the null reverse-path <c>&lt;&gt;</c> that DSNs use (RFC 3464 section 2).</param>
/// <param name="RemoteEndpoint">The peer's IP and port, for logs and abuse handling.</param>
public sealed record InboundMail(
    string MailFrom,
    IReadOnlyList<string> Recipients,
    ReadOnlyMemory<byte> Raw,
    string RemoteEndpoint,
    DateTimeOffset ReceivedAt);
