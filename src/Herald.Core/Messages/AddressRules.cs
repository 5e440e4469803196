using System.Globalization;
using MimeKit;

namespace Herald.Core.Messages;

/// <summary>
/// What Herald accepts as a recipient: exactly one bare mailbox (RFC 5321 4.1.2 addr-spec), never a list, a group
/// or a display name, and nothing that could smuggle a header or an SMTP command (CR, LF, NUL).
/// </summary>
public static class AddressRules
{
    /// <summary>RFC 5321 4.5.3.1.3: a path is at most 256 octets including the angle brackets, so 254 for the address.</summary>
    public const int MaxLength = 254;

    /// <summary>RFC 5321 4.5.3.1.1.</summary>
    public const int MaxLocalPartLength = 64;

    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict, AllowAddressesWithoutDomain = false };

    /// <returns>True with the normalised address (domain lower-cased), or false with the reason in plain words.</returns>
    public static bool IsSingleMailbox(string? value, out string normalisedOrReason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            normalisedOrReason = "is required";
            return false;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            normalisedOrReason = "must not contain CR, LF or NUL characters";
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

        var local = mailbox.Address[..at];
        var domain = mailbox.Address[(at + 1)..];
        if (local.Length > MaxLocalPartLength)
        {
            normalisedOrReason = $"has a local part longer than {MaxLocalPartLength} characters";
            return false;
        }

        if (!IsDomain(domain))
        {
            normalisedOrReason = "has no valid domain";
            return false;
        }

        normalisedOrReason = local + "@" + domain.ToLowerInvariant();
        return true;
    }

    /// <summary>A fully qualified host name: dot-separated labels of letters, digits and inner dashes (RFC 1035 2.3.1).</summary>
    private static bool IsDomain(string domain)
    {
        if (domain.Length > 253 || !domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var ascii = domain;
        try
        {
            ascii = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        foreach (var label in ascii.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
