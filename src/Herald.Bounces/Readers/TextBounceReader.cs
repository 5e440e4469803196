namespace Herald.Bounces.Readers;

/// <summary>
/// Reads the human-readable text of a bounce, for MTAs that send no RFC 3464 part (qmail, Exim, old Sendmail,
/// Gmail, Yahoo, many gateways) and to enrich DSN records. A line naming a new address starts a recipient;
/// the lines after it, up to a paragraph break, are its diagnostic text. Text stops where the returned
/// original message starts.
/// </summary>
internal static class TextBounceReader
{
    private const int MaxDiagnosticLines = 24;

    private static readonly string[] HeaderPrefixes =
    [
        "from:", "reply-to:", "sender:", "return-path:", "message-id:", "received:", "date:", "subject:", "in-reply-to:",
        "references:", "x-", "dkim-signature:", "list-", "errors-to:", "original-mail-from:", "delivered-to:",
    ];

    /// <summary>The recipients the notification names, each with the diagnostic text that follows it.</summary>
    /// <param name="text">The bounce's human-readable text.</param>
    /// <param name="exclude">Addresses that are not recipients (the bounce's own To, From, Reply-To, Sender).</param>
    /// <param name="daemons">
    /// Whether mailer-daemon@, postmaster@ and the like can be recipients: usually they sign the bounce, but mail to
    /// oneself or to postmaster names nobody else.
    /// </param>
    public static List<Fact> Read(string text, ISet<string> exclude, DaemonAddresses daemons)
    {
        // "To:" and "Cc:" lines usually quote the original message ("Your message To: x did not reach ...");
        // they name the recipient only when nothing else does (Verizon's "Original Message: To: x").
        var facts = Read(text, exclude, daemons, weakToLines: false);
        return facts.Count > 0 ? facts : Read(text, exclude, daemons, weakToLines: true);
    }

    private static List<Fact> Read(string text, ISet<string> exclude, DaemonAddresses daemons, bool weakToLines)
    {
        var facts = new List<Fact>();
        var diagnostics = new List<System.Text.StringBuilder>();
        var preceding = new List<string>();
        var paragraph = new List<string>();
        var byAddress = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var current = -1;
        var blankRun = 0;
        var paragraphs = 0;
        foreach (var trimmed in BounceLines.Notification(text, unquote: true))
        {
            if (trimmed.Length == 0)
            {
                blankRun++;
                if (current >= 0 && diagnostics[current].Length > 0 && blankRun == 1)
                {
                    // A paragraph break ends the diagnostic once it holds a reply; a first paragraph of prose
                    // ("There was an error delivering your mail to <x>.") is followed by the real reply.
                    paragraphs++;
                    if (paragraphs >= 3 || HasReplyCode(diagnostics[current]))
                    {
                        current = -1;
                    }
                }

                continue;
            }

            blankRun = 0;
            // Exim "(generated from x)" and Postfix "(expanded from x)" name the alias, not another recipient.
            var address = IsAliasNote(trimmed) || (!weakToLines && IsToLine(trimmed)) ? "" : Candidate(trimmed, exclude, daemons);
            if (address.Length > 0)
            {
                if (byAddress.TryGetValue(address, out var known))
                {
                    current = known;
                    paragraphs = 0;
                    Append(diagnostics[known], trimmed);
                    continue;
                }

                paragraphs = 0;
                preceding.Add(string.Join(' ', paragraph.TakeLast(8)));
                var transcript = TranscriptReply(paragraph);
                paragraph.Clear();
                facts.Add(new Fact { Recipient = address });
                diagnostics.Add(new System.Text.StringBuilder(transcript));
                current = facts.Count - 1;
                byAddress[address] = current;
                if (transcript.Length > 0)
                {
                    // Sendmail V5 "While talking to host: >>> MAIL From:<x> <<< 501 ..." then "554 <rcpt>... Remote
                    // protocol error: ...": the remote reply above and this line say what failed; the lines after
                    // it are Sendmail's summary for other hosts.
                    Append(diagnostics[current], RestOf(trimmed, address));
                    current = -1;
                    continue;
                }

                Append(diagnostics[current], RestOf(trimmed, address));
                continue;
            }

            if (current >= 0)
            {
                Append(diagnostics[current], trimmed);
            }
            else
            {
                paragraph.Add(trimmed);
            }
        }

        for (var i = 0; i < facts.Count; i++)
        {
            // "reject reason: Mailbox full" above "target mail address: x": the reason came first.
            if (preceding[i].Length > 0)
            {
                diagnostics[i].Insert(0, preceding[i] + " ");
            }

            facts[i].Diagnostic = DiagnosticText.Collapse(diagnostics[i].ToString());
        }

        return facts;
    }

    /// <summary>The notification text before the returned message, collapsed: a diagnostic of last resort.</summary>
    public static string Notification(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var trimmed in BounceLines.Notification(text))
        {
            if (sb.Length > 2000)
            {
                break;
            }

            sb.Append(trimmed).Append(' ');
        }

        return DiagnosticText.Collapse(sb.ToString());
    }

    /// <summary>The To: of the original message copied inline after the notification ("--- Unsent message follows").</summary>
    public static string InlineOriginalTo(string text)
    {
        foreach (var line in BounceLines.ReturnedOriginal(text))
        {
            if (line.StartsWith("To:", StringComparison.OrdinalIgnoreCase))
            {
                return line[3..].Trim();
            }
        }

        return "";
    }

    /// <summary>Lines of the notification that carry an SMTP reply ("421 example.com (smtp)... Deferred: ...").</summary>
    public static string ReplyLines(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in BounceLines.Notification(text))
        {
            if (line.Length > 4 && line[0] is '4' or '5' && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2]) && line[3] is ' ' or '-' && sb.Length < 2000)
            {
                sb.Append(line).Append(' ');
            }
        }

        return DiagnosticText.Collapse(sb.ToString());
    }

    // Exim "(generated from x)", "(ultimately generated from x)", Postfix "(expanded from x)": the alias, not a recipient.
    private static bool IsAliasNote(string line) =>
        line.StartsWith('(') && (line.Contains("generated from", StringComparison.OrdinalIgnoreCase) || line.Contains("expanded from", StringComparison.OrdinalIgnoreCase));

    private static string TranscriptReply(List<string> lines)
    {
        var reply = lines.FindLastIndex(l => l.StartsWith("<<< ", StringComparison.Ordinal));
        if (reply < 0)
        {
            return "";
        }

        var command = lines.FindLastIndex(reply, l => l.StartsWith(">>> ", StringComparison.Ordinal));
        return (command >= 0 ? lines[command] + " " : "") + lines[reply];
    }

    private static bool IsToLine(string line) =>
        line.StartsWith("to:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("cc:", StringComparison.OrdinalIgnoreCase);

    private static bool HasReplyCode(System.Text.StringBuilder sb)
    {
        for (var i = 0; i + 2 < sb.Length; i++)
        {
            if (sb[i] is '4' or '5' && char.IsAsciiDigit(sb[i + 1]) && char.IsAsciiDigit(sb[i + 2]) && (i == 0 || !char.IsAsciiLetterOrDigit(sb[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static string Candidate(string trimmed, ISet<string> exclude, DaemonAddresses daemons)
    {
        if (!trimmed.Contains('@', StringComparison.Ordinal))
        {
            return "";
        }

        foreach (var prefix in HeaderPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return "";
            }
        }

        foreach (var address in Addresses.In(trimmed))
        {
            if (!exclude.Contains(address) && (daemons == DaemonAddresses.Recipients || !(Addresses.IsDaemon(address) || Addresses.IsRole(address))))
            {
                return address;
            }
        }

        return "";
    }

    private static string RestOf(string line, string address)
    {
        var at = line.IndexOf(address, StringComparison.OrdinalIgnoreCase);
        var rest = at >= 0 ? line[..at] + " " + line[(at + address.Length)..] : line;
        return rest.Trim(' ', '<', '>', ':', '\t', '"', '(', ')');
    }

    private static void Append(System.Text.StringBuilder sb, string text)
    {
        if (text.Length == 0 || sb.Length > 8192)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(text);
    }
}
