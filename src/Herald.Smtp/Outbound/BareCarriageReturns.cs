using MimeKit;

namespace Herald.Smtp;

/// <summary>
/// RFC 5321 section 2.3.8 forbids a CR not followed by LF (and Gmail, Exchange Online reject it since the 2023
/// SMTP smuggling fixes). MimeKit's CRLF formatting turns bare LF into CRLF but leaves a bare CR in text
/// content, so text parts are fixed before signing (DKIM must hash the bytes that go on the wire) and again,
/// as a no-op by then, before sending.
/// </summary>
internal static class BareCarriageReturns
{
    public static void Normalize(MimeMessage message)
    {
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            // Base64 never carries a raw CR on the wire; the decoded text is the recipient's business.
            if (part.ContentTransferEncoding == ContentEncoding.Base64 || part.Content is null)
            {
                continue;
            }

            var text = part.Text;
            if (HasBareCr(text))
            {
                part.Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            }
        }
    }

    private static bool HasBareCr(string text)
    {
        for (var i = text.IndexOf('\r', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 == text.Length || text[i + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }
}
