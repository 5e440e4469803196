using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Herald.Cli.Tests.Durability;

/// <summary>The real <c>herald serve</c> as a child process, so it can be killed with SIGKILL like a crashed host.</summary>
internal sealed class HeraldProcess : IDisposable
{
    private readonly string[] _args;
    private Process? _process;

    /// <param name="more">Further settings, e.g. the PostgreSQL store several nodes share.</param>
    public HeraldProcess(string dataDirectory, int smtpPort, params string[] more)
    {
        Port = FreeLoopbackPort();
        Url = $"http://127.0.0.1:{Port}";
        _args =
        [
            Path.Combine(AppContext.BaseDirectory, "herald.dll"), "serve",
            "--urls", Url,
            $"--Herald:DataDirectory={dataDirectory}",
            // Development: the shipped .localhost domains are refused in Production once a route sends mail out.
            "--environment=Development",
            "--Herald:Smtp:Routes:default:Kind=Relay",
            "--Herald:Smtp:Routes:default:Host=127.0.0.1",
            $"--Herald:Smtp:Routes:default:Port={smtpPort}",
            "--Herald:Smtp:Routes:default:StartTls=None",
            "--Herald:Delivery:IdlePoll=00:00:00.200",
            "--Herald:Inbound:Endpoint=127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            .. more,
        ];
    }

    public int Port { get; }

    public string Url { get; }

    public int Starts { get; private set; }

    /// <summary>Everything the processes wrote (standard output and error: the logs), for a failing test to show.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

    public bool HasExited => _process is { HasExited: true };

    public async Task StartAsync(HttpClient http)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in _args)
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Errors.Enqueue(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => Errors.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await http.GetAsync($"{Url}/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"herald exited with {_process.ExitCode} during start");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("herald did not become ready in 30 s");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, exactly like pulling the plug on the process.</summary>
    public void KillNine()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            KillNine();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
