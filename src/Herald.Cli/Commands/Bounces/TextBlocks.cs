using System.Text;

namespace Herald.Cli.Commands.Bounces;

/// <summary>
/// Pasted bounce texts, one per block: blocks are separated by a line that is exactly <c>---</c> (surrounding spaces
/// allowed). Read as a stream, so a file of a million pastes never sits in memory at once.
/// </summary>
internal static class TextBlocks
{
    public const string Separator = "---";

    // One block is at most what BounceClassifier.ClassifyText reads anyway; the rest of an oversized block is skipped.
    private const int MaxBlockChars = 1024 * 1024;

    public static IEnumerable<string> Read(TextReader reader)
    {
        var block = new StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() == Separator)
            {
                if (block.ToString().Trim().Length > 0)
                {
                    yield return block.ToString();
                }

                block.Clear();
                continue;
            }

            if (block.Length < MaxBlockChars)
            {
                block.Append(line).Append('\n');
            }
        }

        if (block.ToString().Trim().Length > 0)
        {
            yield return block.ToString();
        }
    }
}
