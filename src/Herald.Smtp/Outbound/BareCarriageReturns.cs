using MimeKit;

namespace Herald.Smtp.Outbound;

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

            // The encoded bytes are what goes on the wire (MimeKit only turns LF into CRLF when writing), so they are
            // what is checked: scanning them costs far less than decoding the text of every part of every message
            // (perf: decoding was 4 % of the delivery CPU), and a CR that quoted-printable encoded as =0D is harmless.
            if (EncodedHasBareCr(part.Content!))
            {
                var text = part.Text;
                part.Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            }
        }
    }

    private static bool EncodedHasBareCr(IMimeContent content)
    {
        var stream = content.Stream;
        if (stream is null || !stream.CanSeek)
        {
            return true; // cannot look without consuming it: decode and rewrite, which is always safe
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            stream.Position = 0;
            var pendingCr = false; // the previous read ended in CR: its LF, if any, starts this one
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var rest = buffer.AsSpan(0, read);
                if (pendingCr && rest[0] != (byte)'\n')
                {
                    return true;
                }

                pendingCr = false;
                for (var i = rest.IndexOf((byte)'\r'); i >= 0; i = rest.IndexOf((byte)'\r'))
                {
                    if (i + 1 == rest.Length)
                    {
                        pendingCr = true;
                        break;
                    }

                    if (rest[i + 1] != (byte)'\n')
                    {
                        return true;
                    }

                    rest = rest[(i + 2)..];
                }
            }

            return pendingCr;
        }
        finally
        {
            stream.Position = 0;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
