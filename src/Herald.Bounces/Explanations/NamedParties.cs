using System.Reflection;

namespace Herald.Bounces.Explanations;

/// <summary>Finds the security gateway or blocklist a reply text names (Rules/named-parties.tsv).</summary>
internal static class NamedParties
{
    // Rows as a class and the needles by a loop, not (string, string, string) tuples and LINQ: framework generics over a
    // tuple of ours are in no ReadyToRun image and every `herald` call JIT-compiled them (Rules/ReasonTable).
    private static readonly Party[] Table = Load();

    // One vectorized scan tells whether any party is named at all; most texts name none.
    private static readonly System.Buffers.SearchValues<string> Needles =
        System.Buffers.SearchValues.Create(DistinctNeedles(), StringComparison.Ordinal);

    public static string? Blocklist(string lowered) => Find("blocklist", lowered);

    public static string? Gateway(string lowered) => Find("gateway", lowered);

    private static string? Find(string kind, string lowered)
    {
        if (!lowered.AsSpan().ContainsAny(Needles))
        {
            return null;
        }

        foreach (var party in Table)
        {
            if (party.Kind == kind && lowered.Contains(party.Needle, StringComparison.Ordinal))
            {
                return party.Name;
            }
        }

        return null;
    }

    private static string[] DistinctNeedles()
    {
        var needles = new List<string>();
        foreach (var party in Table)
        {
            if (!needles.Contains(party.Needle))
            {
                needles.Add(party.Needle);
            }
        }

        return [.. needles];
    }

    private static Party[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Bounces.Rules.named-parties.tsv")
            ?? throw new InvalidOperationException("embedded table named-parties.tsv is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<Party>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            rows.Add(new Party(cells[0], cells[1], cells[2]));
        }

        return [.. rows];
    }

    private sealed record Party(string Kind, string Needle, string Name);
}
