using System.Globalization;
using System.Text;
using MimeKit;

namespace Herald.Core.Messages;

/// <summary>
/// What Herald accepts as a recipient: exactly one bare mailbox (RFC 5321 4.1.2 addr-spec), never a list, a group
/// or a display name, and nothing that could smuggle a header or an SMTP command (control characters, line breaks).
/// It is also the one canonical form of an address: every lookup (suspensions, recipients, preferences, the ledger,
/// rate limits) goes through <see cref="IsSingleMailbox"/>, so one mailbox written two ways is still one mailbox.
/// </summary>
public static class AddressRules
{
    /// <summary>RFC 5321 4.5.3.1.3: a path is at most 256 octets including the angle brackets, so 254 for the address.</summary>
    public const int MaxLength = 254;

    /// <summary>RFC 5321 4.5.3.1.1 (octets; RFC 6531 section 3.2 keeps the limit in octets of UTF-8).</summary>
    public const int MaxLocalPartLength = 64;

    private const string Forbidden = "must not contain control or invisible format characters, nor line or paragraph separators "
        + "(CR, LF, NUL, TAB, U+0085, U+2028, U+2029 and the like)";

    /// <summary>RFC 5322 3.2.3 atext, plus any non-ASCII character (RFC 6531 section 3.3 extends atext with UTF8-non-ascii).</summary>
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict, AllowAddressesWithoutDomain = false };

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Checks one address and returns its canonical form: comments and needless quoting removed
    /// (<c>"bob"@example.com</c> is <c>bob@example.com</c>, RFC 5322 3.2.4: a quoted-string is semantically identical
    /// to an atom), the local part otherwise kept as written, since only the receiving host may interpret it (RFC 5321
    /// 2.4; stores compare it ignoring case, as nearly every host does), and the domain lower-cased, without the DNS
    /// root's trailing dot, and IDNA-encoded (RFC 5891 A-labels: <c>bob@Exämple.com</c> and
    /// <c>bob@xn--exmple-cua.com</c> are one address).
    /// </summary>
    /// <returns>True with the canonical address, or false with the reason in plain words.</returns>
    public static bool IsSingleMailbox(string? value, out string normalisedOrReason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            normalisedOrReason = "is required";
            return false;
        }

        // Checked before anything trims or parses: a separator the parser or a header writer does not treat as a line
        // break (U+2028 in To:) is still one to a reader or a downstream system, and a format character hides text.
        if (value.Any(IsForbidden))
        {
            normalisedOrReason = Forbidden;
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxLength)
        {
            normalisedOrReason = $"is longer than {MaxLength} characters";
            return false;
        }

        if (trimmed.Contains(',', StringComparison.Ordinal) || trimmed.Contains(';', StringComparison.Ordinal))
        {
            normalisedOrReason = "must be a single address, not a list";
            return false;
        }

        if (!InternetAddressList.TryParse(Strict, trimmed, out var list) || list.Count != 1 || list[0] is not MailboxAddress mailbox
            || mailbox.Route.Count > 0 || !string.IsNullOrEmpty(mailbox.Name) || trimmed.Contains('<', StringComparison.Ordinal))
        {
            normalisedOrReason = "is not a single valid email address like name@example.com";
            return false;
        }

        var at = mailbox.Address.LastIndexOf('@');
        if (at <= 0 || at == mailbox.Address.Length - 1)
        {
            normalisedOrReason = "has no domain";
            return false;
        }

        var local = CanonicalLocalPart(mailbox.Address[..at]);
        if (local is null)
        {
            normalisedOrReason = "is not a single valid email address like name@example.com";
            return false;
        }

        if (Encoding.UTF8.GetByteCount(local) > MaxLocalPartLength)
        {
            normalisedOrReason = $"has a local part longer than {MaxLocalPartLength} characters";
            return false;
        }

        if (AsciiDomain(mailbox.Address[(at + 1)..]) is not { } domain)
        {
            normalisedOrReason = "has no valid domain";
            return false;
        }

        var canonical = local + "@" + domain;
        if (canonical.Length > MaxLength)
        {
            normalisedOrReason = $"is longer than {MaxLength} characters once its domain is IDNA-encoded";
            return false;
        }

        normalisedOrReason = canonical;
        return true;
    }

    /// <summary>
    /// The key an address is looked up by where it arrives from a peer rather than a client (a VERP Return-Path at the
    /// listener, a provider's envelope sender): the canonical form, lower-cased as every store compares it; an
    /// address that is not valid keeps its own spelling, lower-cased, and so simply finds nothing.
    /// </summary>
    public static string LookupKey(string address) =>
        (IsSingleMailbox(address, out var canonical) ? canonical : address).ToLowerInvariant();

    /// <summary>
    /// Control (Cc), format (Cf), line (Zl) and paragraph (Zp) separators: CR, LF, NUL, TAB, NEL (U+0085, a Cc),
    /// U+2028, U+2029, zero-width and bidirectional marks. None belongs in an address (RFC 5322 3.2.3, RFC 6531 3.3).
    /// </summary>
    private static bool IsForbidden(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// The local part's value (RFC 5322 3.4.1: dot-separated words, each an atom or a quoted-string, quotes and
    /// backslash escapes removed), written bare when it is a valid dot-atom and quoted otherwise. (Unicode NFC would
    /// belong here too, RFC 6532 3.1, but Herald runs with invariant globalization, which has no normalisation data.)
    /// </summary>
    /// <returns>null when the quoting is unbalanced (the parser should not have let it through).</returns>
    private static string? CanonicalLocalPart(string raw)
    {
        var value = new StringBuilder(raw.Length);
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\' && quoted && i + 1 < raw.Length)
            {
                value.Append(raw[++i]);
            }
            else
            {
                value.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        var text = value.ToString();
        return IsDotAtom(text) ? text : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private static bool IsDotAtom(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.' || text.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || c > 127 || AtextSymbols.Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A fully qualified host name as IDNA A-labels, lower case: dot-separated labels of letters, digits and inner
    /// dashes (RFC 1035 2.3.1, RFC 5891). The Unicode form and the punycode form of a domain give the same result:
    /// encoded, decoded and encoded again, which also refuses an A-label that decodes to nothing valid. (The parser
    /// has already dropped a trailing dot: <c>example.com.</c> is the same absolute name, RFC 1034 3.1.)
    /// </summary>
    private static string? AsciiDomain(string domain)
    {
        if (domain.Length > 253 || !domain.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(Idn.GetUnicode(Idn.GetAscii(domain.ToLowerInvariant()))).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        foreach (var label in ascii.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return null;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return null;
                }
            }
        }

        return ascii.Length > 253 ? null : ascii;
    }
}
