using System.Reflection;

namespace Herald.Bounces.Rules;

/// <summary>
/// The reply-text phrase table (Rules/reason-phrases.tsv): for each reason, phrases that mean it. A phrase with
/// several parts matches when the parts appear in that order. Single-part phrases of all reasons are found
/// together in one linear pass (<see cref="PhraseAutomaton"/>); the few multi-part phrases are checked with
/// ordinal IndexOf, so hostile input never costs more than linear scans and never a regex backtrack.
/// </summary>
internal static class PhraseTable
{
    // A plain dictionary: a frozen one JIT-compiles large generic code at start-up (StatusCodes).
    private static readonly Dictionary<string, int> Keys;
    private static readonly string[][][] AlignedByKey;
    private static readonly PhraseAutomaton Automaton;
    private static readonly int[] KeyOfReason;

    static PhraseTable()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Bounces.Rules.reason-phrases.tsv")
            ?? throw new InvalidOperationException("embedded rule table reason-phrases.tsv is missing");
        using var reader = new StreamReader(stream);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var singles = new List<(string, int)>();
        var aligned = new List<List<string[]>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (!keys.TryGetValue(cells[0], out var key))
            {
                keys[cells[0]] = key = keys.Count;
                aligned.Add([]);
            }

            if (cells.Length == 2)
            {
                singles.Add((cells[1], key));
            }
            else
            {
                aligned[key].Add(cells[1..]);
            }
        }

        if (keys.Count > 64)
        {
            throw new InvalidOperationException("more than 64 keys in reason-phrases.tsv");
        }

        Keys = keys;
        AlignedByKey = [.. aligned.Select(a => a.ToArray())];
        Automaton = new PhraseAutomaton(singles);
        // A loop, not Enum.GetValues<Reason>().Select(...): generic methods over our enum are JIT-compiled (ReasonTable).
        KeyOfReason = new int[typeof(Reason).GetEnumNames().Length];
        for (var r = 0; r < KeyOfReason.Length; r++)
        {
            KeyOfReason[r] = keys.TryGetValue(((Reason)r).Name(), out var k) ? k : -1;
        }
    }

    /// <summary>One pass over the text: bit k set when a single-part phrase of key k occurs.</summary>
    public static ulong Scan(string lowered) => Automaton.Scan(lowered);

    public static bool Includes(string key, string lowered) =>
        lowered.Length > 0 && Keys.TryGetValue(key, out var k) && Matches(k, Scan(lowered), lowered);

    public static bool Includes(Reason reason, string lowered) =>
        lowered.Length > 0 && KeyOfReason[(int)reason] is var k and >= 0 && Matches(k, Scan(lowered), lowered);

    /// <summary>Whether key k matches, given the text's <see cref="Scan"/> mask.</summary>
    public static bool Matches(int key, ulong mask, string lowered)
    {
        if ((mask & (1UL << key)) != 0)
        {
            return true;
        }

        foreach (var parts in AlignedByKey[key])
        {
            if (Aligned(lowered, parts))
            {
                return true;
            }
        }

        return false;
    }

    public static int KeyOf(Reason reason) => KeyOfReason[(int)reason];

    public static int KeyOf(string key) => Keys.TryGetValue(key, out var k) ? k : -1;

    /// <summary>True when each part occurs in the text after the previous one (ordinal, no backtracking).</summary>
    public static bool Aligned(string text, string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + part.Length;
        }

        return true;
    }
}
