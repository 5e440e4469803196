namespace Herald.Bounces.Tests;

/// <summary>
/// The shared bounce corpus (../shared/bounce-corpus next to the repository root). Tests skip when it is
/// absent outside CI; under CI=true its absence is a failure.
/// </summary>
internal static class Corpus
{
    public static string? Root { get; } = Find();

    public static string RequireRoot()
    {
        if (Root is not null)
        {
            return Root;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("bounce corpus not found at ../shared/bounce-corpus (CI=true, so this is a failure)");
        }

        Assert.Skip("bounce corpus not found at ../shared/bounce-corpus relative to the repository root");
        return "";
    }

    public static IReadOnlyList<Label> Labels(string file)
    {
        var root = RequireRoot();
        var rows = new List<Label>();
        foreach (var line in File.ReadLines(Path.Combine(root, file)).Skip(1))
        {
            var c = line.Split('\t');
            rows.Add(new Label(c[0], int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture), c[2], c[3], c[4], c[5] == "true",
                c.Length > 12 ? c[12] : ""));
        }

        return rows;
    }

    public static IEnumerable<string> Emails(string folder)
    {
        var root = RequireRoot();
        return Directory.GetFiles(Path.Combine(root, "sisimai-set-of-emails", "maildir", folder), "*.eml").Order(StringComparer.Ordinal);
    }

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Herald.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            return null;
        }

        // ../shared/bounce-corpus from the repository root; a git worktree (wt/NAME) sits one level deeper.
        for (var up = dir.Parent; up is not null; up = up.Parent)
        {
            var corpus = Path.Combine(up.FullName, "shared", "bounce-corpus");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        return null;
    }

    public sealed record Label(string Path, int Index, string Reason, string Status, string ReplyCode, bool Hard, string Twin);
}
