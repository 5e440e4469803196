using Herald.Bounces.Rules;

namespace Herald.Bounces.Tests;

public sealed class PhraseTableTests
{
    [Fact]
    public void Every_phrase_of_the_table_is_found_by_the_automaton_inside_other_text()
    {
        var rows = Rows().ToList();
        rows.Count.ShouldBeGreaterThan(500);
        foreach (var (key, parts) in rows)
        {
            var text = "550 5.0.0 <someone@example.net>: " + string.Join(" and then ", parts) + " (in reply to end of data)";
            PhraseTable.Includes(key, text).ShouldBeTrue($"{key}: {string.Join(" | ", parts)}");
        }
    }

    [Fact]
    public void A_text_with_no_phrase_matches_no_reason()
    {
        var matcher = new PhraseMatcher("hello there, nothing to see");
        foreach (var reason in Enum.GetValues<Reason>())
        {
            matcher.Has(reason).ShouldBeFalse(reason.ToString());
        }
    }

    [Fact]
    public void Phrases_overlapping_in_the_text_are_all_found()
    {
        // "user unknown" (userunknown) inside "sorry, user unknown" and "mailbox full" right after it.
        var matcher = new PhraseMatcher("sorry, user unknownmailbox full");
        matcher.Has(Reason.UserUnknown).ShouldBeTrue();
        matcher.Has(Reason.MailboxFull).ShouldBeTrue();
    }

    private static IEnumerable<(string Key, string[] Parts)> Rows()
    {
        using var stream = typeof(BounceClassifier).Assembly.GetManifestResourceStream("Herald.Bounces.Rules.reason-phrases.tsv")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var cells = line.Split('\t');
                yield return (cells[0], cells[1..]);
            }
        }
    }
}
