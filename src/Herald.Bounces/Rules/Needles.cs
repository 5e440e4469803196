namespace Herald.Bounces.Rules;

/// <summary>Plain substring checks over lowercased text, for the short word lists that are not phrase-table rules.</summary>
internal static class Needles
{
    // params string[], not params ReadOnlySpan<string>: a span argument is built in an InlineArray of the needle count,
    // and each such instantiation is JIT-compiled by the published `herald` (no ReadyToRun image holds it; issue 14).
    public static bool ContainsAny(string text, params string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
