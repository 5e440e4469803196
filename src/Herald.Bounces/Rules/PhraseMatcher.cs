namespace Herald.Bounces.Rules;

/// <summary>Phrase-table answers for one lowercased diagnostic text: one automaton pass, then bit tests.</summary>
internal sealed class PhraseMatcher(string lowered)
{
    private readonly ulong _mask = lowered.Length == 0 ? 0 : PhraseTable.Scan(lowered);
    private ulong _checked;
    private ulong _found;

    public string Text => lowered;

    public bool Has(Reason reason) => HasKey(PhraseTable.KeyOf(reason));

    public bool HasKey(int key)
    {
        if (key < 0 || lowered.Length == 0)
        {
            return false;
        }

        var bit = 1UL << key;
        if ((_checked & bit) == 0)
        {
            _checked |= bit;
            _found |= PhraseTable.Matches(key, _mask, lowered) ? bit : 0;
        }

        return (_found & bit) != 0;
    }
}
