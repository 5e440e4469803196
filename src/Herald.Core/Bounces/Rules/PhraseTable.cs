using System.Collections.Frozen;
using System.Reflection;

namespace Herald.Core.Bounces.Rules;

/// <summary>
/// The reply-text phrase table (Rules/reason-phrases.tsv): for each reason, phrases that mean it. A phrase with
/// several parts matches when the parts appear in that order. Texts are lowercased once by the caller and
/// searched with ordinal IndexOf, so hostile input costs linear time per phrase and never backtracks.
/// </summary>
internal static class PhraseTable
{
    private static readonly FrozenDictionary<string, string[][]> Table = Load("reason-phrases.tsv");

    public static bool Includes(string reason, string lowered)
    {
        if (lowered.Length == 0 || !Table.TryGetValue(reason, out var phrases))
        {
            return false;
        }

        foreach (var parts in phrases)
        {
            if (Aligned(lowered, parts))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Includes(Reason reason, string lowered) => Includes(reason.Name(), lowered);

    internal static FrozenDictionary<string, string[][]> Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Core.Bounces.Rules." + name)
            ?? throw new InvalidOperationException($"embedded rule table {name} is missing");
        using var reader = new StreamReader(stream);
        var lists = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (!lists.TryGetValue(cells[0], out var list))
            {
                lists[cells[0]] = list = [];
            }

            list.Add(cells[1..]);
        }

        return lists.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
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
}
