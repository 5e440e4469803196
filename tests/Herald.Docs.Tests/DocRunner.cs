using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Docs.Tests;

/// <summary>
/// Runs a page's command blocks in order through bash against a live Herald, as a reader would type them, and says
/// where what happened differs from what the page says. What a reader adapts is adapted the same way: the quick start's
/// <c>localhost:5000</c> becomes the live Herald's address, <c>herald</c> (however the page starts it) is the built
/// one, and an id the page abbreviates (<c>msg_...</c>, <c>hk_...</c>) is the last one of that kind an earlier command
/// printed.
/// </summary>
internal sealed partial class DocRunner(LiveHerald herald, string workDirectory)
{
    /// <summary>Reads (GET) are asked again for a while until they match: delivery to the mailbox takes a moment.</summary>
    private static readonly TimeSpan SettleFor = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, string> _ids = [];
    private readonly Dictionary<string, string> _exports = [];

    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<DocBlock> blocks)
    {
        var failures = new List<string>();
        foreach (var block in blocks)
        {
            if (block.NotRun is { } reason)
            {
                if (reason.Length == 0)
                {
                    failures.Add($"{block.Where}: '<!-- not run: -->' needs a reason");
                }

                continue;
            }

            if (block.Expect is null)
            {
                failures.Add($"{block.Where}: a command block with neither '<!-- expect: ... -->' nor '<!-- not run: reason -->'");
                continue;
            }

            var commands = block.Commands();
            var expectations = Expectation.ParseAll(block.Expect);
            if (commands.Count(c => !c.IsExport) != expectations.Count)
            {
                failures.Add($"{block.Where}: {commands.Count(c => !c.IsExport)} commands but {expectations.Count} expect clauses");
                continue;
            }

            var next = 0;
            foreach (var command in commands)
            {
                if (command.IsExport)
                {
                    Export(command.Text);
                }
                else
                {
                    failures.AddRange(await RunAsync(block, command, expectations[next++]));
                }
            }
        }

        return failures;
    }

    private async Task<IEnumerable<string>> RunAsync(DocBlock block, DocCommand command, Expectation expected)
    {
        var text = Adapt(command.Text);
        var settle = Stopwatch.StartNew();
        while (true)
        {
            var (code, output) = await BashAsync(text, block.Stdin);
            var problems = expected.Check(code, output)
                .Concat(Expectation.SampleFields(command.SampleOutput)
                    .Where(f => !output.Contains($"\"{f}\":", StringComparison.Ordinal))
                    .Select(f => $"the sample output shows '{f}', the real one has no such field"))
                .ToList();
            if (problems.Count == 0 || !IsRead(text) || settle.Elapsed > SettleFor)
            {
                Remember(output);
                return problems.Select(p => $"{block.Where}: `{command.Text}`: {p}\n    ran: {text}\n    output: {Excerpt(output)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary><c>export NAME=value</c>: remembered for the next commands (after adapting the value), not run.</summary>
    private void Export(string line)
    {
        var match = ExportLine().Match(line);
        if (match.Success)
        {
            _exports[match.Groups[1].Value] = Adapt(match.Groups[2].Value);
        }
    }

    private string Adapt(string command)
    {
        var uri = new Uri(herald.Url);
        var text = command
            .Replace("dotnet run --project src/Herald.Cli --", "herald", StringComparison.Ordinal)
            .Replace("./herald ", "herald ", StringComparison.Ordinal)
            .Replace("localhost:5000", uri.Authority, StringComparison.Ordinal)
            .Replace("127.0.0.1:5000", uri.Authority, StringComparison.Ordinal);
        return Abbreviated().Replace(text, m => _ids.GetValueOrDefault(m.Groups[1].Value, m.Value));
    }

    private void Remember(string output)
    {
        foreach (var prefix in Ids().Matches(output).Select(m => m.Groups[1].Value).Distinct())
        {
            _ids[prefix] = Ids().Matches(output).First(m => m.Groups[1].Value == prefix).Value;
        }
    }

    private static bool IsRead(string command) =>
        command.StartsWith("curl ", StringComparison.Ordinal) && !command.Contains(" -X ", StringComparison.Ordinal) && !command.Contains(" -d ", StringComparison.Ordinal);

    private async Task<(int Code, string Output)> BashAsync(string command, string? stdin)
    {
        // curl prints the status after the body, where the check finds it; -sS still shows a connection error.
        // herald is the built one, as the README's ./herald wrapper would run it.
        var script = "curl() { command curl -sS -w '\\n@@http %{http_code}\\n' \"$@\"; }\n"
            + $"herald() {{ dotnet '{Path.Combine(AppContext.BaseDirectory, "herald.dll")}' \"$@\"; }}\n" + command + "\n";
        var info = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        info.Environment["HERALD_URL"] = herald.Url;
        info.Environment["Herald__DataDirectory"] = herald.DataDirectory;
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (name, value) in _exports)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin is null ? "" : stdin + "\n");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var all = new StringBuilder(await output).Append(await error).ToString();
        if (command.StartsWith("curl ", StringComparison.Ordinal))
        {
            var status = HttpStatus().Matches(all).LastOrDefault();
            return (status is null || process.ExitCode != 0 ? -process.ExitCode : int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                HttpStatus().Replace(all, "").Trim());
        }

        return (process.ExitCode, all);
    }

    private static string Excerpt(string output) => output.Length <= 600 ? output : output[..600] + " ...";

    [GeneratedRegex(@"^export\s+([A-Za-z_][A-Za-z0-9_]*)=(\S*)")]
    private static partial Regex ExportLine();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])([a-z]{2,4})_\.\.\.")]
    private static partial Regex Abbreviated();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])([a-z]{2,4})_[A-Za-z0-9_-]{8,}")]
    private static partial Regex Ids();

    [GeneratedRegex(@"\n?@@http (\d{3})\n?")]
    private static partial Regex HttpStatus();
}
