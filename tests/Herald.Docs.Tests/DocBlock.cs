namespace Herald.Docs.Tests;

/// <summary>
/// A code block of a Markdown page that talks to Herald, with what the page says about it: the expectations of
/// <c>&lt;!-- expect: ... --&gt;</c>, or why it is not run (<c>&lt;!-- not run: reason --&gt;</c>).
/// </summary>
/// <param name="Line">The block's first line in the file (1-based), for messages.</param>
/// <param name="Stdin">What standard input the block's commands read (<c>&lt;!-- stdin: text --&gt;</c>).</param>
internal sealed record DocBlock(string File, int Line, IReadOnlyList<string> Lines, string? Expect, string? NotRun, string? Stdin)
{
    public string Where => $"{File}:{Line}";

    /// <summary>The block's commands in order (continued lines joined), each with the sample output the page shows after it.</summary>
    public IReadOnlyList<DocCommand> Commands()
    {
        var commands = new List<DocCommand>();
        string? pending = null;
        var sample = new List<string>();
        foreach (var raw in Lines)
        {
            var line = raw.TrimEnd();
            if (pending is not null && pending.EndsWith('\\'))
            {
                pending = pending[..^1] + " " + line.Trim();
                continue;
            }

            if (DocCommand.IsCommand(line.TrimStart()))
            {
                Flush();
                pending = line.Trim();
            }
            else if (pending is not null && line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                sample.Add(line.Trim());
            }
        }

        Flush();
        return commands;

        void Flush()
        {
            if (pending is not null)
            {
                commands.Add(new DocCommand(pending, [.. sample]));
            }

            pending = null;
            sample.Clear();
        }
    }
}
