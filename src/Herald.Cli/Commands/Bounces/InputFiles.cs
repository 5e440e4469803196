using Herald.Bounces;

namespace Herald.Cli.Commands.Bounces;

/// <summary>Reads one input for the bounce commands and says plainly what is wrong with it, if anything.</summary>
internal static class InputFiles
{
    public static (BounceReport Report, string? Problem) Classify(string file)
    {
        byte[] bytes;
        try
        {
            bytes = file == "-" ? ReadStdin() : File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var cause = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot read: " + e.Message;
            return (BounceReport.Undefined(cause), cause);
        }

        var report = BounceClassifier.ClassifyEmail(bytes);
        return (report, report.Kind == ReportKind.Undefined ? report.Cause : null);
    }

    public static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var memory = new MemoryStream();
        stdin.CopyTo(memory);
        return memory.ToArray();
    }
}
