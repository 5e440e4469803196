using System.Reflection;

namespace Herald.Bounces.Explanations;

/// <summary>Finds the security gateway or blocklist a reply text names (Rules/named-parties.tsv).</summary>
internal static class NamedParties
{
    private static readonly (string Kind, string Needle, string Name)[] Table = Load();

    // One vectorized scan tells whether any party is named at all; most texts name none.
    private static readonly System.Buffers.SearchValues<string> Needles =
        System.Buffers.SearchValues.Create([.. Table.Select(t => t.Needle).Distinct()], StringComparison.Ordinal);

    public static string? Blocklist(string lowered) => Find("blocklist", lowered);

    public static string? Gateway(string lowered) => Find("gateway", lowered);

    private static string? Find(string kind, string lowered)
    {
        if (!lowered.AsSpan().ContainsAny(Needles))
        {
            return null;
        }

        foreach (var (k, needle, name) in Table)
        {
            if (k == kind && lowered.Contains(needle, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }

    private static (string, string, string)[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Bounces.Rules.named-parties.tsv")
            ?? throw new InvalidOperationException("embedded table named-parties.tsv is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            rows.Add((cells[0], cells[1], cells[2]));
        }

        return [.. rows];
    }
}
