namespace Herald.Bounces.Readers;

/// <summary>
/// The lines of a bounce's text, cut one way for every reader: at most <see cref="MaxLines"/> of them, split at the
/// line where the copy of the returned original message starts. The notification before it says what failed; the
/// copy after it only whom the message was for.
/// </summary>
internal static class BounceLines
{
    private const int MaxLines = 4000;

    // Lines that start the copy of the original message in MTA bodies (Exim, qmail, Sendmail, Exchange, ...).
    private static readonly string[] OriginalStarts =
    [
        "------ this is a copy of the message", "--- below this line is a copy of the message",
        "----- original message -----", "-----original message-----", "------ original message ------",
        "original message follows", "--- the header of the original message is following", "--- original message follows",
        "----- message header follows -----", "----- unsent message follows -----", "content-type: message/rfc822",
        "------ this is a copy of your message", "-------- original message --------", "--- message body follows ---",
        "----- the original message follows", "message headers follow",
        "--- below the next line is a copy of the message", "------- returned message --------",
        "- the text you sent follows:", "--- the original message ---", "bounced e-mail:", "bounced message:",
    ];

    /// <summary>The notification's lines, trimmed, up to the start of the returned original message.</summary>
    /// <param name="text">The bounce's human-readable text.</param>
    /// <param name="unquote">
    /// Strip the "> " quoting of a forwarded bounce first (keeping Sendmail's ">>> " transcript lines), so that a
    /// quoted copy's start is still found.
    /// </param>
    public static IEnumerable<string> Notification(string text, bool unquote = false) => Lines(text, unquote, original: false);

    /// <summary>The lines after the start of the returned original message, as written but for a CRLF's CR.</summary>
    public static IEnumerable<string> ReturnedOriginal(string text) => Lines(text, unquote: false, original: true);

    private static IEnumerable<string> Lines(string text, bool unquote, bool original)
    {
        var inOriginal = false;
        foreach (var raw in text.Split('\n', MaxLines + 1).Take(MaxLines))
        {
            if (inOriginal)
            {
                yield return raw.TrimEnd('\r');
                continue;
            }

            var line = raw.Trim();
            if (unquote && !line.StartsWith(">>> ", StringComparison.Ordinal))
            {
                line = line.TrimStart('>', ' ', '\t');
            }

            if (IsOriginalStart(line))
            {
                if (!original)
                {
                    yield break;
                }

                inOriginal = true;
                continue;
            }

            if (!original)
            {
                yield return line;
            }
        }
    }

    private static bool IsOriginalStart(string line)
    {
        if (line.Length == 0 || !(line[0] is '-' or 'c' or 'C' or 'o' or 'O' or 'm' or 'M' or 'b' or 'B' or 't' or 'T'))
        {
            return false;
        }

        foreach (var start in OriginalStarts)
        {
            if (line.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
