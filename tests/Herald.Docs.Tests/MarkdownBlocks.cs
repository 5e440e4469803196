using System.Text.RegularExpressions;

namespace Herald.Docs.Tests;

/// <summary>
/// Reads the code blocks of a Markdown page (fenced, or indented by four spaces after a blank line) that hold a
/// command talking to Herald, with the HTML comments written just before each: <c>expect</c>, <c>not run</c>, <c>stdin</c>.
/// </summary>
internal static partial class MarkdownBlocks
{
    public static IReadOnlyList<DocBlock> Read(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<DocBlock>();
        var directives = new Dictionary<string, string>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (Directive().Match(line) is { Success: true } directive)
            {
                directives[directive.Groups[1].Value] = directive.Groups[2].Value.Trim();
                i++;
                continue;
            }

            var start = i;
            var body = new List<string>();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                i++;
                while (i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    body.Add(lines[i++]);
                }

                i++;
                start++;
            }
            else if (line.StartsWith("    ", StringComparison.Ordinal) && (i == 0 || lines[i - 1].Trim().Length == 0))
            {
                while (i < lines.Length && (lines[i].StartsWith("    ", StringComparison.Ordinal) || (lines[i].Trim().Length == 0 && i + 1 < lines.Length && lines[i + 1].StartsWith("    ", StringComparison.Ordinal))))
                {
                    body.Add(lines[i++].Length >= 4 ? lines[i - 1][4..] : "");
                }
            }
            else
            {
                if (line.Trim().Length > 0)
                {
                    directives.Clear();
                }

                i++;
                continue;
            }

            if (body.Any(l => DocCommand.IsCommand(l.TrimStart()) && !l.TrimStart().StartsWith("export ", StringComparison.Ordinal)))
            {
                blocks.Add(new DocBlock(file, start + 1, body, directives.GetValueOrDefault("expect"), directives.GetValueOrDefault("not run"), directives.GetValueOrDefault("stdin")));
            }

            directives.Clear();
        }

        return blocks;
    }

    [GeneratedRegex(@"^\s*<!--\s*(expect|not run|stdin):(.*?)-->\s*$")]
    private static partial Regex Directive();
}
