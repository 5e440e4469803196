namespace Herald.Core.Bounces.Rules;

/// <summary>Phrase-table answers for one lowercased diagnostic text: one automaton pass, then bit tests.</summary>
internal sealed class PhraseMatcher(string lowered)
{
    private readonly ulong _mask = lowered.Length == 0 ? 0 : PhraseTable.Scan(lowered);

    public string Text => lowered;

    public bool Has(Reason reason)
    {
        var key = PhraseTable.KeyOf(reason);
        return key >= 0 && lowered.Length > 0 && PhraseTable.Matches(key, _mask, lowered);
    }
}
