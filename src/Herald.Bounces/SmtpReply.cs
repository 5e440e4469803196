using System.Text.RegularExpressions;

namespace Herald.Bounces;

/// <summary>
/// An SMTP reply as received: the three-digit code, the RFC 3463 enhanced status code when the server gave
/// one (RFC 2034 puts it at the start of the text), and the full text with all lines of a multi-line reply
/// joined by '\n', exactly as the server wrote it.
/// </summary>
public sealed partial record SmtpReply(int Code, string? EnhancedStatus, string Text)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransientNegative => Code is >= 400 and < 500;

    public bool IsPermanentNegative => Code is >= 500 and < 600;

    /// <summary>
    /// Whether this reply, received at <paramref name="stage"/>, ends delivery for good. 5xx is permanent, except 552 to
    /// RCPT: RFC 5321 section 4.5.3.1.10 says some servers wrongly answer 552 for "too many recipients", and clients must
    /// treat it as temporary. A refused AUTH (535, RFC 4954 section 6) is never permanent either: it means the sender's
    /// relay credentials are wrong, which its operator fixes, so messages wait for the fix instead of failing for every
    /// recipient. Codes outside 4xx/5xx where a negative reply was expected are protocol errors: transient.
    /// </summary>
    public bool IsPermanentAt(SmtpStage? stage) =>
        IsPermanentNegative && !(Code == 552 && stage == SmtpStage.RcptTo) && stage != SmtpStage.Auth;

    /// <summary>Build a reply from a code and its text, taking the enhanced status code from the text (RFC 2034 section 3).</summary>
    public static SmtpReply FromText(int code, string text)
    {
        var match = EnhancedStatusPattern().Match(text);
        return new SmtpReply(code, match.Success ? match.Groups[1].Value : null, text);
    }

    /// <summary>The reply as one line, the way Postfix and most logs show it: "550 5.1.1 text".</summary>
    public override string ToString()
    {
        var text = Text.Replace('\n', ' ');
        return text.StartsWith(Code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? text
            : $"{Code} {text}";
    }

    // RFC 3463: class "." subject "." detail, class in {2,4,5}, subject 1-3 digits, detail 1-3 digits.
    [GeneratedRegex(@"^\s*([245]\.\d{1,3}\.\d{1,3})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatusPattern();
}
