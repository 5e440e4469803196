using MimeKit;

namespace Herald.Bounces.Readers;

/// <summary>The parts of an inbound email that bounce readers look at, gathered in one walk over the MIME tree.</summary>
internal sealed class ParsedMail
{
    public required MailHeaders Headers { get; set; }

    /// <summary>Decoded text of the human-readable parts, outside any attached original message.</summary>
    public System.Text.StringBuilder Text { get; } = new();

    /// <summary>Raw text of each message/delivery-status part (RFC 3464 section 2).</summary>
    public List<string> DeliveryStatus { get; } = [];

    /// <summary>Delivery-status parts of a returned message that is itself a bounce (a bounce of a bounce).</summary>
    public List<string> NestedDeliveryStatus { get; } = [];

    /// <summary>Raw text of each message/feedback-report part (RFC 5965 section 3).</summary>
    public List<string> FeedbackReports { get; } = [];

    /// <summary>Headers of the returned original message (message/rfc822 or text/rfc822-headers), if any.</summary>
    public MailHeaders? Original { get; set; }

    public string ContentType { get; set; } = "";

    /// <summary>Non-fatal damage found while reading (broken base64, unknown charset, huge header line).</summary>
    public List<string> Problems { get; } = [];

    public string ReportType { get; set; } = "";

    public string Subject => Headers[HeaderId.Subject] ?? "";

    public string From => Headers[HeaderId.From] ?? "";
}
