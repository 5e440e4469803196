using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Herald.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a temporary folder, started on a free port of 127.0.0.1 (its unix
/// socket in that folder too), stopped with <c>pg_ctl stop -m fast</c> and deleted on dispose. As root (CI), the server
/// runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root. Durability is off (fsync=off): the
/// contract suites test meaning, not disks, and this keeps CREATE DATABASE and commits fast.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string? _runAs;
    private string _options = "";
    private int _databases;

    private PostgresCluster(string bin, string directory, int port, string? runAs)
    {
        _bin = bin;
        Directory = directory;
        Port = port;
        _runAs = runAs;
    }

    public string Directory { get; }

    public int Port { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>
    /// Whether the server has pg_stat_statements (Debian's postgresql package ships it beside the binaries) and loads it:
    /// per statement, how often it ran and was planned.
    /// </summary>
    public bool HasStatementStatistics => File.Exists(Path.Combine(_bin, "..", "lib", "pg_stat_statements.so"));

    /// <summary>Where the binaries are (Debian: /usr/lib/postgresql/N/bin), or null.</summary>
    public static string? FindBinaries()
    {
        var roots = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return roots.Select(r => Path.Combine(r, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
    }

    /// <returns>A running cluster, or null and what is missing.</returns>
    public static async Task<(PostgresCluster? Cluster, string Missing)> StartAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "the PostgreSQL test cluster needs Linux");
        }

        if (FindBinaries() is not { } bin)
        {
            return (null, "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
        }

        string? runAs = null;
        if (Environment.UserName == "root")
        {
            if (Run("id", "-u", "postgres").Code != 0)
            {
                return (null, "running as root and there is no 'postgres' user to run the PostgreSQL server as");
            }

            runAs = "postgres";
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("herald-pg-").FullName;
        var cluster = new PostgresCluster(bin, directory, FreePort(), runAs);
        if (runAs is not null)
        {
            Run("chown", runAs, directory).Code.ShouldBe(0);
        }

        var init = cluster.Tool("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "--locale=C", "-E", "UTF8");
        if (init.Code != 0)
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException("initdb failed: " + init.Output);
        }

        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1", "-p " + cluster.Port.ToString(CultureInfo.InvariantCulture), "-c unix_socket_directories=" + directory,
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300", "-c shared_buffers=32MB");
        if (cluster.HasStatementStatistics)
        {
            // How often each statement was planned (PostgresPlanCacheTests).
            options += " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on";
        }

        cluster._options = options;
        var start = cluster.Tool("pg_ctl", "start", "-w", "-t", "60", "-D", cluster.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-o", options);
        if (start.Code != 0)
        {
            var log = File.Exists(Path.Combine(directory, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "server.log")) : "";
            System.IO.Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException("pg_ctl start failed: " + start.Output + log);
        }

        return (cluster, "");
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>A fresh database name (the caller creates it, e.g. from a template).</summary>
    public string NextDatabaseName(string prefix) => prefix + "_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);

    /// <summary>Stops the server hard (immediate: no shutdown checkpoint), as a crash or an operator's emergency stop.</summary>
    public (int Code, string Output) Stop(string mode = "fast") => Tool("pg_ctl", "stop", "-w", "-D", DataDirectory, "-m", mode);

    /// <summary>Starts the stopped server again, on the same port and socket folder.</summary>
    public (int Code, string Output) Restart() =>
        Tool("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", Path.Combine(Directory, "server.log"), "-o", _options);

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a server process that is shutting down: the temp folder is cleaned up later.
        }

        return ValueTask.CompletedTask;
    }

    private (int Code, string Output) Tool(string name, params string[] args)
    {
        var path = Path.Combine(_bin, name);
        return _runAs is null ? Run(path, args) : Run("runuser", ["-u", _runAs, "--", path, .. args]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        // pg_ctl start leaves the server running with our pipes inherited: read until the tool itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, (stdout.IsCompleted ? stdout.Result : "") + (stderr.IsCompleted ? stderr.Result : ""));
    }
}
