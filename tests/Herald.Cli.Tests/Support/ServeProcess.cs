using System.Collections.Concurrent;
using System.Diagnostics;

namespace Herald.Cli.Tests.Support;

/// <summary>
/// The real <c>herald serve</c> as a child process: to see how it exits (code and message) when it refuses to start, or
/// its first log lines when it starts. Loopback only: every address is 127.0.0.1 with a port the OS picks.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    private ServeProcess(Process process) => _process = process;

    public IReadOnlyList<string> Output => [.. _output];

    public string Error => string.Join('\n', _error);

    /// <summary>Arguments every test run needs: loopback addresses on free ports and the data folder.</summary>
    public static string[] Loopback(string dataDirectory, params string[] more) =>
    [
        "--urls", "http://127.0.0.1:0",
        $"--Herald:DataDirectory={dataDirectory}",
        "--Herald:Inbound:Endpoint=127.0.0.1:0",
        .. more,
    ];

    /// <summary>
    /// Production as deployed: a relay route (to a port where nothing listens: nothing is sent in these tests) and
    /// domains of its own instead of the shipped <c>.localhost</c> ones.
    /// </summary>
    public static string[] WithRoute(string dataDirectory, params string[] more) => Loopback(dataDirectory,
    [
        "--Herald:Smtp:Routes:default:Kind=Relay", "--Herald:Smtp:Routes:default:Host=127.0.0.1",
        "--Herald:Smtp:Routes:default:Port=9", "--Herald:Smtp:Routes:default:StartTls=None",
        "--Herald:BounceDomain=bounces.acme.example", "--Herald:MessageIdDomain=acme.example",
        "--Herald:DefaultSender:Address=notifications@acme.example", .. more,
    ]);

    public static ServeProcess Start(params string[] serveArgs)
    {
        var info = new ProcessStartInfo("dotnet");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "herald.dll"));
        return Start(info, serveArgs);
    }

    /// <summary>Runs <c>serve</c> through the <c>herald</c> that <paramref name="info"/> starts (the installed .NET tool).</summary>
    public static ServeProcess Start(ProcessStartInfo info, params string[] serveArgs)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.ArgumentList.Add("serve");
        foreach (var arg in serveArgs)
        {
            info.ArgumentList.Add(arg);
        }

        // As shipped: Production unless a test says otherwise on the command line.
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = new ServeProcess(Process.Start(info)!);
        process._process.OutputDataReceived += (_, e) => Add(process._output, e.Data);
        process._process.ErrorDataReceived += (_, e) => Add(process._error, e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>herald serve</c> expecting it to refuse to start: its exit code and what it wrote to stderr.</summary>
    public static async Task<(int Code, string Error, IReadOnlyList<string> Output)> RefusalAsync(params string[] serveArgs)
    {
        using var serve = Start(serveArgs);
        var code = await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, serve.Error, serve.Output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"herald serve did not exit within {timeout}; output:\n{string.Join('\n', Output)}\n{Error}");
        }

        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until a log line contains <paramref name="text"/> (the process must still be running).</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (Output.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"herald serve exited with {_process.ExitCode}:\n{string.Join('\n', Output)}\n{Error}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no log line with '{text}':\n{string.Join('\n', Output)}\n{Error}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
