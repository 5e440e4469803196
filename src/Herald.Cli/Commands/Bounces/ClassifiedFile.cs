using Herald.Bounces;

namespace Herald.Cli.Commands.Bounces;

/// <summary>
/// One file of a <see cref="FileBatch"/>: its report, and what is wrong with the input if anything. A class, not a value
/// tuple: a framework generic over a struct of ours (an array, a list, an iterator of tuples) is not in any ReadyToRun
/// image and is JIT-compiled at full optimisation on every run, where one over a class shares precompiled code.
/// </summary>
internal sealed class ClassifiedFile(string file, BounceReport report, string? problem)
{
    public string File { get; } = file;

    public BounceReport Report { get; } = report;

    public string? Problem { get; } = problem;
}
