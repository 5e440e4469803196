namespace Herald.Bounces.Rules;

/// <summary>Plain substring checks over lowercased text, for the short word lists that are not phrase-table rules.</summary>
internal static class Needles
{
    public static bool ContainsAny(string text, params ReadOnlySpan<string> needles)
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
