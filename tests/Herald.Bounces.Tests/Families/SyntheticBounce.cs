using System.Text;

namespace Herald.Bounces.Tests.Families;

/// <summary>
/// Bounces written for the family tests from our own wording of each family (never copied from a corpus file):
/// an RFC 3464 report or a plain-text notice, with only the fields a test sets.
/// </summary>
internal static class SyntheticBounce
{
    public const string OurSender = "notify@app.example";

    public static BounceReport Report(string action, string status, string diagnostic, string finalRecipient = "rfc822; someone@example.org",
        string? originalRecipient = null, string notice = "Your message could not be delivered to one or more recipients.")
    {
        var original = originalRecipient is null ? "" : $"Original-Recipient: {originalRecipient}\n";
        var mail = $"""
            From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
            To: {OurSender}
            Subject: Delivery Status Notification
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            {notice}

            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            {original}Final-Recipient: {finalRecipient}
            Action: {action}
            Status: {status}
            Diagnostic-Code: smtp; {diagnostic}

            --b1--

            """;
        return BounceClassifier.ClassifyEmail(Encoding.UTF8.GetBytes(mail.Replace("\n\n\n", "\n\n", StringComparison.Ordinal)));
    }

    public static BounceReport Notice(string subject, string body, string from = "MAILER-DAEMON@mx.example.org")
    {
        var mail = $"From: {from}\nTo: {OurSender}\nSubject: {subject}\nMIME-Version: 1.0\nContent-Type: text/plain\n\n{body}\n";
        return BounceClassifier.ClassifyEmail(Encoding.UTF8.GetBytes(mail));
    }
}
