namespace Herald.Core.Bounces.Readers;

/// <summary>
/// Reads RFC 3464 delivery-status fields: one per-message block (Reporting-MTA, Arrival-Date) and one block per
/// recipient (Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code). Tolerates what real MTAs send:
/// missing blank lines between recipients, fields in any order, and the fields pasted into a text/plain part.
/// </summary>
internal static class DsnReader
{
    public const int MaxRecipients = 1000;

    public static (List<Fact> Facts, bool TooMany) Read(string text)
    {
        var facts = new List<Fact>();
        Fact? current = null;
        string originalRecipient = "";
        foreach (var (name, value) in FieldBlocks.Parse(text, MaxRecipients * 12))
        {
            switch (name)
            {
                case "":
                    current = null;
                    break;
                case "original-recipient":
                    originalRecipient = FieldBlocks.AfterType(value);
                    if (current is { Recipient.Length: > 0 })
                    {
                        current = null;
                    }

                    break;
                case "final-recipient" or "x-actual-recipient" when current is null || current.Recipient.Length == 0 || name == "final-recipient":
                    var address = FieldBlocks.AfterType(value);
                    if (name == "x-actual-recipient" && current is { Recipient.Length: > 0 })
                    {
                        break;
                    }

                    if (current is null || current.Recipient.Length > 0)
                    {
                        current = new Fact();
                        facts.Add(current);
                        if (facts.Count > MaxRecipients)
                        {
                            return (facts, true);
                        }
                    }

                    current.Recipient = address.Length > 0 && address.Contains('@', StringComparison.Ordinal) ? address : originalRecipient;
                    if (current.Recipient.Length == 0)
                    {
                        current.Recipient = address;
                    }

                    originalRecipient = "";
                    break;
                case "action" when current is not null:
                    current.Action = value.Split(' ', 2)[0].ToLowerInvariant();
                    break;
                case "status" when current is not null:
                    current.Status = Rules.StatusCodes.Find(value);
                    break;
                case "remote-mta" when current is not null:
                    current.RemoteMta = FieldBlocks.AfterType(value);
                    break;
                case "diagnostic-code" when current is not null:
                    var (type, diag) = FieldBlocks.SplitType(value);
                    current.DiagnosticType = type;
                    current.Diagnostic = diag;
                    break;
            }
        }

        facts.RemoveAll(f => f.Recipient.Length == 0);
        return (facts, false);
    }
}
