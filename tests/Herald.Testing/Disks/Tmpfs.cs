using System.Diagnostics;

namespace Herald.Testing.Disks;

/// <summary>
/// A small tmpfs mounted on a temporary folder, for the faults a real disk has: full (ENOSPC) and read-only (EROFS).
/// Needs root (CI runs as root); <see cref="TryMount"/> says why not otherwise, so the test can skip with that reason.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    /// <returns>The mount, or null and the reason it could not be made (not root, no mount permission).</returns>
    public static (Tmpfs? Mount, string Reason) TryMount(string sizeOption)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "tmpfs mounts need Linux");
        }

        var path = Directory.CreateTempSubdirectory("herald-tmpfs-").FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeOption}", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            return (null, $"mounting a tmpfs is not permitted here (mount exit {code}: {output.Trim()}); run as root to include this test");
        }

        return (new Tmpfs(path), "");
    }

    /// <summary>Makes the file system read-only (EROFS for every write), as a read-only volume or a remount after errors.</summary>
    public void MakeReadOnly()
    {
        var (code, output) = Run("mount", "-o", "remount,ro", Path);
        code.ShouldBe(0, output);
    }

    /// <summary>Fills the free space with one file, so the next write that needs a new block gets ENOSPC.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        // Unbuffered: a write that does not fit fails at once, and nothing is left to flush (and fail) at dispose.
        using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.None);
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(chunk);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full now.
        }

        // Tail of the last chunk, byte by byte, so no block is left partly free.
        try
        {
            while (true)
            {
                file.WriteByte(0);
                file.Flush();
            }
        }
        catch (IOException)
        {
        }

        return filler;
    }

    public void Dispose()
    {
        if (Run("umount", Path).Code != 0)
        {
            Run("umount", "-l", Path); // still busy (a file open in a dying process): detach it now, freed when released
        }

        try
        {
            Directory.Delete(Path);
        }
        catch (IOException)
        {
        }
    }

    private static (int Code, string Output) Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
