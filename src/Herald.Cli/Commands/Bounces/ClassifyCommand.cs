using System.CommandLine;
using System.Globalization;
using Herald.Bounces;

namespace Herald.Cli.Commands.Bounces;

/// <summary>
/// <c>herald classify [--tsv] FILES...</c>: one line per recipient record; <c>herald classify --text FILE</c>: one line per
/// pasted text (<see cref="TextBlocks"/>), all in one process. With --tsv the lines are the results
/// format of the bounce corpus README (score.py reads it). A bad file is reported on stderr by name and the
/// batch goes on; the exit code is then 1.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var tsv = new Option<bool>("--tsv") { Description = "Print the corpus results TSV (for score.py)." };
        var text = new Option<string?>("--text")
        {
            Description = "A file ('-' for standard input) of pasted bounce texts, one per block, blocks separated by a line '---'; "
                + "prints one line per block.",
        };
        var files = new Argument<string[]>("files") { Description = "Email files (.eml) to classify.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("classify", "Classify bounce, complaint and auto-reply emails, one line per recipient.");
        command.Options.Add(tsv);
        command.Options.Add(text);
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var asTsv = parse.GetValue(tsv);
            var inputs = parse.GetValue(files) ?? [];
            if (parse.GetValue(text) is { } pasted)
            {
                return ClassifyBlocks(output, error, pasted);
            }

            if (inputs.Length == 0)
            {
                error.WriteLine("herald classify: give one or more email files (usage: herald classify [--tsv] FILES... | herald classify --text FILE)");
                return 2;
            }

            var bad = 0;
            var lines = new OutputBuffer(output);
            if (asTsv)
            {
                lines.WriteLine("relative_path_of_eml\tindex_within_file\treason\tstatus\treplycode\thardbounce\tengine\trecipient\tdiagnosticcode\taction");
            }

            foreach (var item in FileBatch.Classify(inputs))
            {
                if (item.Problem is not null)
                {
                    // What was printed so far goes first, so that stdout and stderr on one terminal stay in order.
                    lines.Flush();
                    error.WriteLine($"herald: {item.File}: {item.Problem}");
                    bad++;
                }

                Print(lines, item.File, item.Report, asTsv);
            }

            lines.Flush();
            return bad > 0 ? 1 : 0;
        });
        return command;
    }

    private static int ClassifyBlocks(TextWriter output, TextWriter error, string file)
    {
        TextReader reader;
        try
        {
            reader = file == "-" ? Console.In : new StreamReader(file, System.Text.Encoding.UTF8, true, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"herald: {file}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot read: " + e.Message)}");
            return 1;
        }

        using (reader)
        {
            output.WriteLine("block\trecipient\treason\tstatus\taction\tscenario\tsuppress\trecords");
            var index = 0;
            foreach (var block in TextBlocks.Read(reader))
            {
                index++;
                var report = BounceClassifier.ClassifyText(block);
                if (report.Records.Count == 0)
                {
                    output.WriteLine($"{index.ToString(CultureInfo.InvariantCulture)}\t\t\t\t{report.Kind.ToString()}\t\t\t0");
                    continue;
                }

                // One line per block: the first record, and how many the text named (a pasted whole email may name several).
                var r = report.Records[0];
                output.WriteLine($"{index.ToString(CultureInfo.InvariantCulture)}\t{Clean(r.Recipient)}\t{r.Reason.Name()}\t{r.Status}\t{r.Action}\t{r.Scenario.ToString()}\t{r.Suppress.ToString()}\t{report.Records.Count.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return 0;
    }

    private static void Print(OutputBuffer output, string file, BounceReport report, bool asTsv)
    {
        // Numbers and enums as ToString(), not as interpolation holes: each hole of a value type is a generic method of the
        // framework instantiated over that type, which no ReadyToRun image holds, so it was JIT-compiled on every run.
        if (report.Records.Count == 0)
        {
            output.WriteLine(asTsv
                ? $"{file}\t0\t\t\t\t\therald\t\t{Clean(report.Cause ?? "")}"
                : $"{file}\t{report.Kind.ToString()}\t{report.Cause}");
            return;
        }

        var index = 0;
        foreach (var r in report.Records)
        {
            index++;
            var number = index.ToString(CultureInfo.InvariantCulture);
            output.WriteLine(asTsv
                ? $"{file}\t{number}\t{r.Reason.Name()}\t{r.Status}\t{r.ReplyCode?.ToString(CultureInfo.InvariantCulture)}\t{(r.HardBounce ? "true" : "false")}\therald\t{Clean(r.Recipient)}\t{Clean(r.Diagnostic)}\t{r.Action}"
                : $"{file}\t#{number}\t{r.Recipient}\t{r.Reason.Name()}\t{r.Status}\t{r.Scenario.ToString()}\t{r.Actor.ToString()}\t{r.Suppress.ToString()}");
        }
    }

    private static string Clean(string text)
    {
        var t = text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return t.Length > 300 ? t[..300] : t;
    }
}
