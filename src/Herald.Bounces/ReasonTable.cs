namespace Herald.Bounces;

/// <summary>
/// Text to <see cref="Reason"/>, stored as <c>Dictionary&lt;string, int&gt;</c>. A dictionary whose values are our own
/// enum is a framework generic over a struct of ours, which no ReadyToRun image holds: the published <c>herald</c>
/// (tiering off) JIT-compiled its methods at full optimisation on every call, where the <c>int</c> one is precompiled in
/// the framework (issue 14; DOTNET_JitDisasmSummary=1).
/// </summary>
internal sealed class ReasonTable(StringComparer comparer)
{
    private readonly Dictionary<string, int> _reasons = new(comparer);

    public ReasonTable()
        : this(StringComparer.Ordinal)
    {
    }

    public Reason this[string key]
    {
        set => _reasons[key] = (int)value;
    }

    public bool TryGetValue(string key, out Reason reason)
    {
        var found = _reasons.TryGetValue(key, out var value);
        reason = (Reason)value;
        return found;
    }
}
