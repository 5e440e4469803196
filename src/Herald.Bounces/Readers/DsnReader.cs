namespace Herald.Bounces.Readers;

/// <summary>
/// Reads RFC 3464 delivery-status fields: one per-message block (Reporting-MTA, Arrival-Date) and one block per
/// recipient (Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code). Tolerates what real MTAs send:
/// no blank line between recipients (AOL), fields in any order within a block (Facebook puts Diagnostic-Code
/// first), and the fields pasted into a text/plain part.
/// </summary>
internal static class DsnReader
{
    public const int MaxRecipients = 1000;

    public static (List<Fact> Facts, bool TooMany) Read(string text)
    {
        var facts = new List<Fact>();
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        var reporting = "";
        foreach (var (name, value) in FieldBlocks.Parse(text, MaxRecipients * 12))
        {
            var repeats = name is "final-recipient" or "original-recipient" && block.ContainsKey(name);
            if (name.Length == 0 || repeats)
            {
                if (Close(block, facts) && facts.Count > MaxRecipients)
                {
                    return (facts, true);
                }
            }

            if (name.Length > 0)
            {
                block.TryAdd(name, value);
            }

            if (name == "reporting-mta" && reporting.Length == 0)
            {
                reporting = FieldBlocks.AfterType(value).Split([' ', '('], 2)[0].TrimEnd('.');
            }
        }

        Close(block, facts);
        foreach (var fact in facts)
        {
            fact.ReportingMta = reporting;
        }

        return (facts, facts.Count > MaxRecipients);
    }

    private static bool Close(Dictionary<string, string> block, List<Fact> facts)
    {
        if (block.Count == 0)
        {
            return false;
        }

        // RFC 3464 section 2.3.1: Original-Recipient is the address as the sender gave it; Final-Recipient may be an
        // internal rewrite (an alias, a mailbox id). The sender's own address is the one to act on when it is one.
        var final = Address(block, "final-recipient");
        var original = Address(block, "original-recipient");
        var recipient = original.Contains('@', StringComparison.Ordinal) ? original
            : final.Contains('@', StringComparison.Ordinal) ? final : "";
        if (recipient.Length == 0)
        {
            recipient = final.Length > 0 ? final : Address(block, "x-actual-recipient");
        }

        if (recipient.Length == 0)
        {
            block.Clear();
            return false;
        }

        var fact = new Fact { Recipient = recipient };
        if (block.TryGetValue("action", out var action))
        {
            fact.Action = action.Split(' ', 2)[0].ToLowerInvariant();
        }

        if (block.TryGetValue("status", out var status))
        {
            // The field holds one code ("5.1.1 (user unknown)"); take it as written, even outside RFC 3463's subjects.
            var code = status.Trim().Split([' ', '(', ';'], 2)[0];
            fact.Status = Rules.StatusCodes.IsValid(code) ? code : Rules.StatusCodes.Find(status);
        }

        if (block.TryGetValue("remote-mta", out var remote))
        {
            // "dns; mx.example.net. (192.0.2.1, the server for the domain example.net.)" -> "mx.example.net"
            fact.RemoteMta = FieldBlocks.AfterType(remote).Split([' ', '('], 2)[0].TrimEnd('.');
        }

        if (block.TryGetValue("diagnostic-code", out var diagnostic))
        {
            (fact.DiagnosticType, fact.Diagnostic) = FieldBlocks.SplitType(diagnostic);

            // Postfix labels relayed SMTP replies "X-Postfix"; they are SMTP replies all the same.
            if (fact.DiagnosticType == "X-POSTFIX")
            {
                fact.DiagnosticType = "SMTP";
            }
        }

        facts.Add(fact);
        block.Clear();
        return true;
    }

    private static string Address(Dictionary<string, string> block, string name) =>
        block.TryGetValue(name, out var value) ? Addresses.Clean(value) : "";
}
