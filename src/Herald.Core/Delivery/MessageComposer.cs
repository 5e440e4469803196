using Herald.Core.Catalogue;
using Herald.Core.Messages;
using MimeKit;

namespace Herald.Core.Delivery;

/// <summary>Builds the MIME message for one attempt. The Message-ID is the one fixed at enqueue.</summary>
public static class MessageComposer
{
    public static MimeMessage Compose(StoredMessage message, NotificationType type, RenderedContent content, DateTimeOffset now)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(type.Sender.Name, type.Sender.Address));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = content.Subject;
        mime.Date = now;
        mime.MessageId = message.MessageIdHeader;

        // RFC 3834 section 5: automatic mail says so, which keeps well-behaved auto-responders from answering it.
        mime.Headers.Add("Auto-Submitted", "auto-generated");

        // Gmail's feedback loop groups complaints by this header: "a:b:c:SenderId" (campaign:customer:type:sender).
        mime.Headers.Add("Feedback-ID", $"{type.Key}:{type.Category}:{message.Route}:herald");
        mime.Headers.Add("X-Herald-Id", message.Id);

        var text = new TextPart("plain") { Text = OneNewline(content.Text) };
        if (content.Html is null)
        {
            mime.Body = text;
        }
        else
        {
            mime.Body = new MultipartAlternative { text, new TextPart("html") { Text = OneNewline(content.Html) } };
        }

        // RFC 6376 5.3: encode 8-bit content (quoted-printable/base64) before signing, or a relay that converts it
        // for a 7-bit hop, or the client library preparing it at send time, breaks the DKIM body hash.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    /// <summary>
    /// Every CR, LF or CRLF becomes one '\n', which MimeKit writes as CRLF. A bare CR or LF on the wire is what
    /// SMTP smuggling (SEC Consult, 2023) exploits, and RFC 5321 2.3.8 forbids both.
    /// </summary>
    internal static string OneNewline(string text) => text.ReplaceLineEndings("\n");
}
