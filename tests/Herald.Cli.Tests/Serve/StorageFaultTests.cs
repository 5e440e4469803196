using Herald.Cli.Tests.Support;
using Herald.Server;
using Herald.Testing.Disks;
using Microsoft.Extensions.Logging;

namespace Herald.Cli.Tests.Serve;

/// <summary>
/// A broken store stops the real <c>herald serve</c> with a non-zero exit code (a supervisor restarts or alerts) and one
/// message naming the file and the problem. Each replays a finding: all of these used to exit 0 or start empty.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("herald-fault-").FullName;

    public void Dispose()
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string Data => Path.Combine(_dir, "data");

    private string Database => Path.Combine(Data, "herald.db");

    /// <summary>A store as a previous run left it: created, then closed cleanly (its WAL checkpointed and removed).</summary>
    private async Task CreateStoreAsync(string? data = null)
    {
        await using (var app = HeraldServer.Build(ServeProcess.WithRoute(data ?? Data), b => b.Logging.SetMinimumLevel(LogLevel.Warning)))
        {
            await app.StartAsync();
            await app.StopAsync();
        }

        File.Exists(Path.Combine(data ?? Data, "herald.db-wal")).ShouldBeFalse("a clean shutdown leaves no WAL");
    }

    [Fact]
    public async Task A_corrupt_database_stops_serve_with_exit_5_naming_the_file_and_the_problem()
    {
        await CreateStoreAsync();
        await using (var file = new FileStream(Database, FileMode.Open, FileAccess.Write))
        {
            await file.WriteAsync("this is not a database at all"u8.ToArray());
        }

        var (code, error, _) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(Data));

        code.ShouldBe(5);
        error.ShouldContain($"Storage fault: {Database}: is not a SQLite database");
        error.Trim().Split('\n').ShouldHaveSingleItem("one message, no stack trace");
    }

    [Fact]
    public async Task A_truncated_database_stops_serve_with_exit_5_naming_the_file_and_the_problem()
    {
        await CreateStoreAsync();
        await using (var file = new FileStream(Database, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length / 2);
        }

        var (code, error, _) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(Data));

        code.ShouldBe(5);
        error.ShouldContain($"Storage fault: {Database}: is truncated: its header says");
    }

    [Fact]
    public async Task An_unreadable_database_stops_serve_with_exit_5_naming_the_file()
    {
        await CreateStoreAsync();
        if (Environment.UserName == "root")
        {
            // Permissions do not stop root: a folder where the file was cannot be read as a database by anyone.
            File.Delete(Database);
            Directory.CreateDirectory(Database);
        }
        else
        {
            File.SetUnixFileMode(Database, UnixFileMode.None);
        }

        var (code, error, _) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(Data));

        code.ShouldBe(5);
        error.ShouldContain($"Storage fault: {Database}:");
        error.ShouldMatch("is a folder, not a database file|cannot be read");
    }

    [Fact]
    public async Task A_read_only_data_folder_stops_serve_with_exit_5_naming_the_file()
    {
        var (mount, reason) = Tmpfs.TryMount("8m");
        if (mount is null && Environment.UserName == "root")
        {
            Assert.Skip(reason);
        }

        using (mount)
        {
            var data = mount?.Path ?? Data;
            await CreateStoreAsync(data);
            if (mount is not null)
            {
                mount.MakeReadOnly();
            }
            else
            {
                File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }

            var (code, error, output) = await ServeProcess.RefusalAsync(ServeProcess.WithRoute(data));

            code.ShouldBe(5, string.Join('\n', output));
            error.ShouldStartWith($"Storage fault: {Path.Combine(data, "herald.db")}");
        }
    }
}
