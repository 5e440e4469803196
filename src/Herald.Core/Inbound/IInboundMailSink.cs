namespace Herald.Core.Inbound;

/// <summary>
/// Receives each message the inbound listener accepted. The listener answers 250 only after this returned
/// <see cref="InboundDisposition.Accepted"/>, so an implementation must persist before returning: once we say 250
/// the peer deletes its copy (RFC 5321 section 6.1, "the receiver-SMTP MUST NOT lose the message").
/// If it throws, the listener answers 451 and logs.
/// </summary>
public interface IInboundMailSink
{
    ValueTask<InboundResult> AcceptAsync(InboundMail mail, CancellationToken cancellationToken);
}
