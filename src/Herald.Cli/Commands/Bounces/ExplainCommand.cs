using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Bounces;

namespace Herald.Cli.Commands.Bounces;

/// <summary>
/// <c>herald explain FILE|-|"text"</c>: what a support agent reads about a bounce. The argument is a file, "-"
/// for standard input, or the pasted diagnostic text itself. <c>--json</c> prints the full structure.
/// </summary>
internal static class ExplainCommand
{
    // Built on first use, not with the class: only --json needs it, and building it loads System.Text.Json, which a
    // one-shot `herald explain "..."` or any other command would otherwise pay at start-up (issue 14).
    private static JsonSerializerOptions? _json;

    private static JsonSerializerOptions Json => _json ??= new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the full classification as JSON." };
        var input = new Argument<string>("input") { Description = "An email file, '-' for standard input, or the bounce text itself.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("explain", "Explain a bounce, complaint or auto-reply in plain language.");
        command.Options.Add(json);
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var value = parse.GetValue(input) ?? "";
            if (value.Trim().Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("herald explain: give a file, '-' for standard input, or the text (usage: herald explain [--json] FILE|-|\"text\")");
                return 2;
            }

            BounceReport report;
            string? problem = null;
            if (value == "-" || File.Exists(value))
            {
                (report, problem) = InputFiles.Classify(value);
            }
            else if (Directory.Exists(value))
            {
                report = BounceReport.Undefined("is a directory");
                problem = report.Cause;
            }
            else if (!value.Any(char.IsWhiteSpace))
            {
                // One word with no space is a path that is not there: every reply or diagnostic worth explaining has
                // words ("550 5.1.1 ..."). Explaining a mistyped file name as pasted text would print a confident
                // "could not classify" and exit 0 (issue 16).
                report = BounceReport.Undefined("no such file (to explain a pasted error, give its whole text in quotes)");
                problem = report.Cause;
            }
            else
            {
                report = BounceClassifier.ClassifyText(value);
            }

            if (problem is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"herald: {value}: {problem}");
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(ToJson(report));
            }
            else
            {
                Write(output, report);
            }

            return problem is null ? 0 : 1;
        });
        return command;
    }

    // A method of its own, so that the precompiled action does not resolve System.Text.Json types when it starts.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string ToJson(BounceReport report) => JsonSerializer.Serialize(report, Json);

    private static string ActorText(BounceRecord r) => r.Actor switch
    {
        Actor.Recipient => "the recipient",
        Actor.RecipientIt => "the recipient's IT / mail administrator",
        Actor.Sender => "us, the sender (Herald's operator)",
        _ when r.Suppress == SuppressAdvice.Retry || r.Delayed => "nobody: wait, delivery is retried",
        _ => "nobody",
    };

    // What the record is, in the words of its semantics (Rules/Permanence): an auto-reply or a delivery is not a bounce.
    private static string KindText(BounceRecord r) => r.Reason switch
    {
        Reason.Vacation or Reason.Delivered => "delivered (not a bounce)",
        Reason.Feedback => "a complaint",
        _ when r.Delayed => "delayed (not failed yet)",
        _ when r.HardBounce && r.Permanent => "hard bounce",
        _ => "soft bounce",
    };

    /// <summary>
    /// The remote server's reply, when the diagnostic is one: it carries a reply or status code. A notice's preamble ("This
    /// is the mail system at host ...") is the reporting MTA talking, not the remote server.
    /// </summary>
    private static bool QuotesServer(BounceRecord r) =>
        r.ReplyCode is not null || (r.Status.Length > 0 && !Herald.Bounces.BounceStatus.IsInternal(r.Status)
            && r.Diagnostic.Contains(r.Status, StringComparison.Ordinal));

    private static string SuppressText(SuppressAdvice advice) => advice switch
    {
        SuppressAdvice.Suspend => "suspend the address",
        SuppressAdvice.Hold => "hold mail to this address without blaming the recipient",
        SuppressAdvice.Retry => "retry later",
        _ => "none",
    };

    private static void Write(TextWriter output, BounceReport report)
    {
        if (report.Records.Count == 0)
        {
            output.WriteLine(report.Kind == ReportKind.NotABounce
                ? "This is not a bounce, complaint or auto-reply: " + report.Cause
                : "Could not classify this input: " + report.Cause);
            return;
        }

        foreach (var r in report.Records)
        {
            output.WriteLine($"Recipient: {(r.Recipient.Length > 0 ? r.Recipient : "(not named in the input)")}");
            output.WriteLine($"What happened: {r.Explanation.Summary}");
            // Enums and numbers as ToString(): an interpolation hole of a value type is a framework generic over that type,
            // JIT-compiled on every run (ClassifyCommand).
            output.WriteLine($"Scenario: {r.Scenario.ToString()}{(r.Named is null ? "" : $" ({r.Named})")}; reason {r.Reason.Name()}; {KindText(r)}");
            output.WriteLine($"Who must act: {ActorText(r)}; suppression: {SuppressText(r.Suppress)}");
            output.WriteLine("Next steps for the recipient:");
            foreach (var step in r.Explanation.RecipientSteps)
            {
                output.WriteLine("  - " + step);
            }

            output.WriteLine("Next steps for their IT team:");
            foreach (var step in r.Explanation.ItSteps)
            {
                output.WriteLine("  - " + step);
            }

            // Herald's own X.0.9NN codes name a reason; they are not something a server said, so they stay internal.
            var status = Herald.Bounces.BounceStatus.IsInternal(r.Status) ? "" : r.Status;
            if (status.Length > 0 || r.ReplyCode is not null)
            {
                output.WriteLine($"Codes: {r.ReplyCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {status}".Trim());
            }

            if (r.Diagnostic.Length > 0)
            {
                output.WriteLine(QuotesServer(r) ? $"Server said: {r.Diagnostic}" : $"The report said: {r.Diagnostic}");
            }

            foreach (var link in r.Links)
            {
                output.WriteLine($"Link: {link}");
            }

            output.WriteLine();
        }
    }
}
