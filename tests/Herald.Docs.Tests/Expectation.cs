using System.Text.RegularExpressions;

namespace Herald.Docs.Tests;

/// <summary>
/// What one command must give, as a page writes it in <c>&lt;!-- expect: 202 id status; 200 'caught' --&gt;</c> (one
/// clause per command, in order): the HTTP status for curl or the exit code for <c>herald</c>, then bare words that
/// must be fields of the JSON answer (or words of a text answer) and quoted text that must appear as written.
/// </summary>
internal sealed partial record Expectation(int Code, IReadOnlyList<string> Fields, IReadOnlyList<string> Texts)
{
    public static IReadOnlyList<Expectation> ParseAll(string clauses) =>
        [.. clauses.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse)];

    public static Expectation Parse(string clause)
    {
        var texts = Quoted().Matches(clause).Select(m => m.Groups[1].Value).ToList();
        var words = Quoted().Replace(clause, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !int.TryParse(words[0], out var code))
        {
            throw new FormatException($"an expect clause starts with the status or exit code: '{clause}'");
        }

        return new Expectation(code, words[1..], texts);
    }

    /// <summary>Every way <paramref name="output"/> differs from this expectation (none when it is met).</summary>
    public IEnumerable<string> Check(int code, string output)
    {
        if (code != Code)
        {
            yield return $"gave {code}, the page says {Code}";
        }

        var json = output.TrimStart().StartsWith('{') || output.TrimStart().StartsWith('[');
        foreach (var field in Fields)
        {
            var needle = json ? $"\"{field}\":" : field;
            if (!output.Contains(needle, StringComparison.Ordinal))
            {
                yield return $"no {(json ? "field" : "word")} '{field}' in the output";
            }
        }

        foreach (var text in Texts.Where(t => !output.Contains(t, StringComparison.Ordinal)))
        {
            yield return $"no '{text}' in the output";
        }
    }

    /// <summary>The JSON field names of a sample output line the page shows; each must be in the real output.</summary>
    public static IEnumerable<string> SampleFields(IEnumerable<string> sample) =>
        sample.SelectMany(line => FieldName().Matches(line).Select(m => m.Groups[1].Value)).Distinct();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex("\"([A-Za-z][A-Za-z0-9]*)\":")]
    private static partial Regex FieldName();
}
