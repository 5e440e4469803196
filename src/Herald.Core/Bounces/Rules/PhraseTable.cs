using System.Buffers;
using System.Collections.Frozen;
using System.Reflection;

namespace Herald.Core.Bounces.Rules;

/// <summary>
/// The reply-text phrase table (Rules/reason-phrases.tsv): for each reason, phrases that mean it. A phrase with
/// several parts matches when the parts appear in that order. Single-part phrases of a reason are searched
/// together with a vectorized multi-string search (<see cref="SearchValues{T}"/>), so the cost is one linear scan
/// per reason and never a regex backtrack, whatever the input.
/// </summary>
internal static class PhraseTable
{
    private sealed record Entry(SearchValues<string> Singles, string[][] Aligned);

    private static readonly FrozenDictionary<string, Entry> Table = Load("reason-phrases.tsv");

    private static readonly Entry?[] ByReason =
        [.. Enum.GetValues<Reason>().Select(r => Table.TryGetValue(r.Name(), out var entry) ? entry : null)];

    public static bool Includes(string reason, string lowered) =>
        lowered.Length > 0 && Table.TryGetValue(reason, out var entry) && Matches(entry, lowered);

    public static bool Includes(Reason reason, string lowered) =>
        lowered.Length > 0 && ByReason[(int)reason] is { } entry && Matches(entry, lowered);

    private static bool Matches(Entry entry, string lowered)
    {
        if (lowered.AsSpan().ContainsAny(entry.Singles))
        {
            return true;
        }

        foreach (var parts in entry.Aligned)
        {
            if (Aligned(lowered, parts))
            {
                return true;
            }
        }

        return false;
    }

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

    private static FrozenDictionary<string, Entry> Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Core.Bounces.Rules." + name)
            ?? throw new InvalidOperationException($"embedded rule table {name} is missing");
        using var reader = new StreamReader(stream);
        var singles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var aligned = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length == 2)
            {
                Get(singles, cells[0]).Add(cells[1]);
            }
            else
            {
                Get(aligned, cells[0]).Add(cells[1..]);
            }

            Get(singles, cells[0]);
            Get(aligned, cells[0]);
        }

        return singles.ToFrozenDictionary(
            p => p.Key,
            p => new Entry(SearchValues.Create(p.Value.ToArray(), StringComparison.Ordinal), [.. aligned[p.Key]]),
            StringComparer.Ordinal);
    }

    private static List<T> Get<T>(Dictionary<string, List<T>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        return list;
    }
}
