using System.Text.RegularExpressions;

namespace Herald.Bounces.Readers;

/// <summary>Facts that MTAs write into free diagnostic text: the SMTP command answered, the remote host.</summary>
internal static partial class DiagnosticText
{
    // Postfix "(in reply to RCPT TO command)", Exim "after RCPT TO:", Sendmail transcripts ">>> RCPT To:",
    // qmail "does not like recipient", Exchange "after end of data".
    private static readonly (string Phrase, string Command)[] CommandPhrases =
    [
        ("in reply to rcpt to command", "RCPT"), ("after rcpt to", "RCPT"), (">>> rcpt to", "RCPT"),
        ("does not like recipient", "RCPT"), ("after rcpt command", "RCPT"), ("[rcpt_to]", "RCPT"), ("smtp:rcpt", "RCPT"), ("rcpt to <<<", "RCPT"),
        ("most progress was rcpt to", "RCPT"), ("rcpt to:", "RCPT"), ("rcpt to:<", "RCPT"), ("in reply to rcpt command", "RCPT"),
        ("in reply to mail from command", "MAIL"), ("after mail from", "MAIL"), (">>> mail from", "MAIL"),
        ("didn't like sender", "MAIL"), ("does not like sender", "MAIL"),
        ("in reply to end of data command", "DATA"), ("after end of data", "DATA"), ("in reply to data command", "DATA"),
        (">>> data", "DATA"), ("after data", "DATA"), ("failed after i sent the message", "DATA"),
        ("in reply to ehlo command", "EHLO"), ("after ehlo", "EHLO"), ("in reply to helo command", "HELO"),
        ("after helo", "HELO"), (">>> ehlo", "EHLO"), (">>> helo", "HELO"),
        ("after initial connection", "CONN"), ("in reply to starttls", "STARTTLS"), ("after starttls", "STARTTLS"),
    ];

    public static string Command(string lowered)
    {
        var best = "";
        var bestAt = int.MaxValue;
        foreach (var (phrase, command) in CommandPhrases)
        {
            var at = lowered.IndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0 && at < bestAt)
            {
                best = command;
                bestAt = at;
            }
        }

        return best;
    }

    public static string RemoteHost(string text)
    {
        if (text.AsSpan().IndexOfAny(HostWords) < 0)
        {
            return "";
        }

        var m = HostPattern().Match(text.Length > 4096 ? text[..4096] : text);
        return m.Success ? m.Groups[1].Value.TrimEnd('.') : "";
    }

    public static string Collapse(string text)
    {
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, 8192));
        var space = false;
        foreach (var c in text)
        {
            if (sb.Length >= 8192)
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<string> HostWords =
        System.Buffers.SearchValues.Create(["host ", "talking to ", "connected to ", "by "], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?:\bhost |while talking to |connected to |remote host |\bby )([a-z0-9][a-z0-9.\-]{2,250}\.[a-z]{2,24})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
