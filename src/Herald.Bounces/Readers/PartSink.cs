using MimeKit;

namespace Herald.Bounces.Readers;

/// <summary>What a bounce reader keeps of each MIME leaf part (see <see cref="BounceMimeReader"/>).</summary>
internal static class PartSink
{
    public const int MaxTextChars = 512 * 1024;

    public static bool Wanted(string type) => type is "message/delivery-status" or "message/global-delivery-status"
        or "message/feedback-report" or "text/rfc822-headers" or "message/rfc822-headers" or "text/rfc822-header"
        or "text/plain" or "text/html" or "text/enriched" or "message/disposition-notification";

    public static void Accept(ParsedMail mail, string type, bool attachment, Func<string> decode)
    {
        switch (type)
        {
            case "message/delivery-status" or "message/global-delivery-status":
                mail.DeliveryStatus.Add(decode());
                break;
            case "message/feedback-report":
                mail.FeedbackReports.Add(decode());
                break;
            case "text/rfc822-headers" or "message/rfc822-headers" or "text/rfc822-header":
                mail.Original ??= ParseHeaders(decode());
                break;
            case "text/plain" or "text/html" or "text/enriched" or "message/disposition-notification":
                if (attachment && type != "text/plain")
                {
                    break;
                }

                if (type == "text/html" && mail.Text.Length > 0)
                {
                    break;
                }

                var text = type == "text/html" ? HtmlText.Strip(decode()) : decode();
                // Keep what fits: the failure is stated at the top; a huge body must not cost unbounded work.
                var room = MaxTextChars - mail.Text.Length;
                if (room > 0)
                {
                    mail.Text.Append(text.AsSpan(0, Math.Min(text.Length, room))).Append('\n');
                }

                break;
        }
    }

    public static MailHeaders? ParseHeaders(string text)
    {
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.Replace("\r", "", StringComparison.Ordinal) + "\n\n"));
            return new MailHeaders(HeaderList.Load(stream));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
