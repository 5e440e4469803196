using System.Text;

namespace Herald.Bounces.Tests;

/// <summary>
/// Generated hostile inputs: each must come back as Undefined with a cause, never an exception. (Time and
/// memory are measured in bench/, not asserted here.)
/// </summary>
public sealed class HostileInputTests
{
    private const string Head = "From: MAILER-DAEMON@example.org\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n";

    [Fact]
    public void Ten_thousand_deep_multipart_nesting_is_refused_with_a_cause()
    {
        var sb = new StringBuilder(Head);
        sb.Append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("--b").Append(i).Append("\nContent-Type: multipart/mixed; boundary=\"b").Append(i + 1).Append("\"\n\n");
        }

        ShouldBeUndefined(sb.ToString(), "MIME");
    }

    [Fact]
    public void A_million_empty_mime_parts_are_refused_with_a_cause()
    {
        var sb = new StringBuilder(Head, 12_000_000);
        sb.Append("Content-Type: multipart/mixed; boundary=\"x\"\n\n");
        for (var i = 0; i < 1_000_000; i++)
        {
            sb.Append("--x\n\n");
        }

        sb.Append("--x--\n");
        ShouldBeUndefined(sb.ToString(), "MIME parts");
    }

    [Fact]
    public void A_one_megabyte_header_line_is_refused_with_a_cause()
    {
        var text = "From: someone@example.org\nTo: you@example.com\nSubject: " + new string('a', 1024 * 1024) + "\n\nhello\n";
        ShouldBeUndefined(text, "header line");
    }

    [Fact]
    public void A_dsn_with_ten_thousand_recipient_blocks_is_refused_with_a_cause()
    {
        var sb = new StringBuilder(Head);
        sb.Append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n--r\nContent-Type: text/plain\n\nFailed.\n\n");
        sb.Append("--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("Final-Recipient: rfc822; user").Append(i).Append("@example.net\nAction: failed\nStatus: 5.1.1\n\n");
        }

        sb.Append("--r--\n");
        ShouldBeUndefined(sb.ToString(), "recipient blocks");
    }

    [Fact]
    public void Broken_base64_is_reported_as_the_cause()
    {
        var text = "From: someone@example.org\nTo: you@example.com\nSubject: hello\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n%%%%not*base64!!!@@@\n";
        ShouldBeUndefined(text, "base64");
    }

    [Fact]
    public void An_unknown_charset_is_reported_as_the_cause()
    {
        var text = "From: someone@example.org\nTo: you@example.com\nSubject: hello\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=x-no-such-charset-42\n\nhello there\n";
        ShouldBeUndefined(text, "charset");
    }

    [Fact]
    public void A_huge_bounce_text_is_read_up_to_a_cap_not_dropped()
    {
        var text = Head + "\n<gone@example.net>: 550 5.1.1 user unknown\n\n" + string.Concat(Enumerable.Repeat("x@example.net y@example.org filler\n", 400_000));
        var report = BounceClassifier.ClassifyEmail(Encoding.UTF8.GetBytes(text));
        report.Records[0].Recipient.ShouldBe("gone@example.net");
        report.Records[0].Reason.ShouldBe(Reason.UserUnknown);
    }

    [Fact]
    public void Ten_thousand_nested_returned_messages_are_not_parsed_past_the_first()
    {
        var sb = new StringBuilder("From: a@example.org\nTo: b@example.com\nSubject: x\nMIME-Version: 1.0\n");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("Content-Type: message/rfc822\n\nFrom: a@example.org\nSubject: y\n");
        }

        // Reading stops after the headers of the first returned message, so the nesting is never walked.
        var report = BounceClassifier.ClassifyEmail(Encoding.UTF8.GetBytes(sb.Append("\nbody\n").ToString()));
        report.Records.ShouldBeEmpty();
        report.Kind.ShouldBe(ReportKind.NotABounce);
    }

    [Fact]
    public void Empty_and_binary_inputs_are_undefined_with_a_cause()
    {
        BounceClassifier.ClassifyEmail([]).Cause.ShouldBe("empty input");
        var binary = new byte[4096];
        new Random(42).NextBytes(binary);
        var report = BounceClassifier.ClassifyEmail(binary);
        report.Kind.ShouldBe(ReportKind.Undefined);
        report.Cause.ShouldNotBeNull();
    }

    [Fact]
    public void A_pasted_megabyte_of_text_is_classified_without_blowing_up()
    {
        var report = BounceClassifier.ClassifyText(string.Concat(Enumerable.Repeat("550 5.1.1 user unknown ", 50_000)));
        report.Records.ShouldHaveSingleItem().Reason.ShouldBe(Reason.UserUnknown);
    }

    private static void ShouldBeUndefined(string email, string causeContains)
    {
        var report = BounceClassifier.ClassifyEmail(Encoding.UTF8.GetBytes(email));
        report.Kind.ShouldBe(ReportKind.Undefined, report.Cause);
        report.Records.ShouldBeEmpty();
        report.Cause.ShouldNotBeNull().ShouldContain(causeContains, Case.Insensitive);
    }
}
