namespace Herald.Core.Bounces.Rules;

/// <summary>Phrase-table answers for one lowercased diagnostic text, each reason searched at most once.</summary>
internal sealed class PhraseMatcher(string lowered)
{
    private static readonly int Count = Enum.GetValues<Reason>().Length;

    private readonly sbyte[] _known = new sbyte[Count];

    public string Text => lowered;

    public bool Has(Reason reason)
    {
        ref var known = ref _known[(int)reason];
        if (known == 0)
        {
            known = PhraseTable.Includes(reason, lowered) ? (sbyte)1 : (sbyte)-1;
        }

        return known > 0;
    }
}
