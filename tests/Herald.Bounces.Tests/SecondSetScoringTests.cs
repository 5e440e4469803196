using Herald.Bounces.Rules;

namespace Herald.Bounces.Tests;

/// <summary>
/// The second development set (SecondSet/README.md): bounces from open-source parsers' test fixtures, labelled by our
/// own reading. Scored like the shared corpus, plus the recipient and whether the failure is final or a delay, and
/// held at the floors reached. Raise the floors when the classifier improves; never lower them.
/// </summary>
public sealed class SecondSetScoringTests
{
    private const double ReasonFloor = 1.0;
    private const double StatusFloor = 1.0;
    private const double HardFloor = 1.0;
    private const double RecipientFloor = 1.0;
    private const double ActionFloor = 1.0;

    private static readonly string Root = Path.Combine(RepositoryRoot(), "tests", "Herald.Bounces.Tests", "SecondSet");

    [Fact]
    public void Second_set_agrees_with_our_labels_above_the_floors()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "labels.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        lines.Count.ShouldBeGreaterThan(80);
        var reports = new Dictionary<string, BounceReport>(StringComparer.Ordinal);
        int reason = 0, status = 0, statusLabelled = 0, hard = 0, recipient = 0, action = 0;
        var misses = new List<string>();
        foreach (var c in lines)
        {
            if (!reports.TryGetValue(c[0], out var report))
            {
                reports[c[0]] = report = BounceClassifier.ClassifyEmail(File.ReadAllBytes(Path.Combine(Root, c[0])));
            }

            var index = int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture);
            if (index > report.Records.Count)
            {
                misses.Add($"{c[0]}#{index}: not found");
                continue;
            }

            var r = report.Records[index - 1];
            reason += Count(r.Reason.Name() == c[2], $"{c[0]}#{index} reason {r.Reason.Name()} <> {c[2]}");
            if (c[3].Length > 0)
            {
                statusLabelled++;
                status += Count(r.Status == c[3], $"{c[0]}#{index} status {r.Status} <> {c[3]}");
            }
            else
            {
                // No code in the bounce: the record may only carry Herald's internal X.0.9NN, never a made-up real code.
                Count(r.Status.Length == 0 || StatusCodes.IsInternal(r.Status), $"{c[0]}#{index} status {r.Status} is not internal");
            }

            hard += Count(r.HardBounce == (c[5] == "true"), $"{c[0]}#{index} hard {r.HardBounce}");
            recipient += Count(string.Equals(r.Recipient, c[9], StringComparison.OrdinalIgnoreCase), $"{c[0]}#{index} recipient {r.Recipient} <> {c[9]}");
            action += Count(r.Action == c[8] || (c[8].Length == 0 && r.Reason == Reason.Feedback), $"{c[0]}#{index} action {r.Action} <> {c[8]}");
        }

        var n = (double)lines.Count;
        var summary = $"reason {reason / n:P1}, status {status / (double)statusLabelled:P1}, hard {hard / n:P1}, recipient {recipient / n:P1}, action {action / n:P1}; misses: {string.Join("; ", misses)}";
        (reason / n).ShouldBeGreaterThanOrEqualTo(ReasonFloor, summary);
        (status / (double)statusLabelled).ShouldBeGreaterThanOrEqualTo(StatusFloor, summary);
        (hard / n).ShouldBeGreaterThanOrEqualTo(HardFloor, summary);
        (recipient / n).ShouldBeGreaterThanOrEqualTo(RecipientFloor, summary);
        (action / n).ShouldBeGreaterThanOrEqualTo(ActionFloor, summary);
        misses.ShouldBeEmpty(summary);

        int Count(bool agrees, string miss)
        {
            if (!agrees)
            {
                misses.Add(miss);
            }

            return agrees ? 1 : 0;
        }
    }

    [Fact]
    public void The_second_sets_non_bounces_yield_no_failure_records()
    {
        var report = BounceClassifier.ClassifyEmail(File.ReadAllBytes(Path.Combine(Root, "mailbounce-detector", "non_bounce_postfix_hello_world.eml")));
        report.Records.ShouldBeEmpty();
        Should.NotThrow(() => BounceClassifier.ClassifyEmail(File.ReadAllBytes(Path.Combine(Root, "node-bounce-handler", "unsubscribe.txt"))));
    }

    [Fact]
    public void Every_second_set_source_keeps_its_licence()
    {
        foreach (var folder in Directory.GetDirectories(Root))
        {
            Directory.GetFiles(folder, "LICENSE*").ShouldNotBeEmpty(folder);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Herald.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (Herald.slnx) not found above " + AppContext.BaseDirectory);
    }
}
