namespace Herald.Docs.Tests;

/// <summary>One command of a doc block, as written, and the sample output the page shows right after it.</summary>
internal sealed record DocCommand(string Text, IReadOnlyList<string> SampleOutput)
{
    /// <summary>The ways a page starts a command that talks to Herald (or sets a variable the next ones use).</summary>
    private static readonly string[] Starts = ["curl ", "herald ", "./herald ", "dotnet run --project src/Herald.Cli", "export "];

    public static bool IsCommand(string line) => Starts.Any(s => line.StartsWith(s, StringComparison.Ordinal));

    public bool IsCurl => Text.StartsWith("curl ", StringComparison.Ordinal);

    public bool IsExport => Text.StartsWith("export ", StringComparison.Ordinal);
}
