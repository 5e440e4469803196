using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Herald.Smtp.DevMailbox;

/// <summary>Keeps every message: copies the DATA buffer once and parses only the headers for the subject.</summary>
internal sealed class CapturingMessageStore(MessageRing ring, TimeProvider time) : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var raw = buffer.ToArray();
        var now = time.GetUtcNow();
        var message = new CapturedMessage(
            Guid.CreateVersion7(now).ToString("N"),
            now,
            Address(transaction.From),
            [.. transaction.To.Select(Address)],
            SubjectOf(raw),
            raw);
        ring.Add(message);
        return Task.FromResult(SmtpResponse.Ok);
    }

    private static string Address(SmtpServer.Mail.IMailbox? mailbox) =>
        mailbox is null || string.IsNullOrEmpty(mailbox.User) ? string.Empty : $"{mailbox.User}@{mailbox.Host}";

    private static string? SubjectOf(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            var headers = HeaderList.Load(stream);
            return headers[HeaderId.Subject];
        }
        catch (FormatException)
        {
            // A development sink accepts anything, even a message without a header block.
            return null;
        }
    }
}
