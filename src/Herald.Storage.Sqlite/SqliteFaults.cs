using System.Buffers.Binary;
using Herald.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Turns what SQLite or the file system said into a <see cref="StorageFaultException"/> naming the file and the problem
/// in words, and checks the file's header before SQLite opens it, so that a truncated file is refused at start-up
/// rather than on the first read of a missing page. Result codes: sqlite.org/rescode.html; header: sqlite.org/fileformat2.html.
/// </summary>
internal static class SqliteFaults
{
    private const int HeaderSize = 100;
    private const int SqliteBusy = 5;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>The fault this exception means for the file at <paramref name="path"/>, or null when it is not a storage fault (a bug).</summary>
    public static StorageFaultException? From(string path, Exception exception) => exception switch
    {
        StorageFaultException fault => fault,
        SqliteException e when Problem(e.SqliteErrorCode) is { } problem =>
            new StorageFaultException($"{Path.GetFullPath(path)}: {(e.SqliteErrorCode == SqliteCantOpen ? FolderProblem(path) ?? problem : problem)} ({e.Message.TrimEnd('.')})",
                e.SqliteErrorCode is SqliteFull or SqliteBusy, e),
        UnauthorizedAccessException or IOException =>
            new StorageFaultException($"{Path.GetFullPath(path)}: cannot be used: {exception.Message}", transient: false, exception),
        _ => null,
    };

    public static bool IsDiskFull(StorageFaultException fault) => fault.InnerException is SqliteException { SqliteErrorCode: SqliteFull };

    /// <summary>Free space for this user on the file system holding <paramref name="path"/>; long.MaxValue when it cannot be told.</summary>
    public static long FreeBytes(string path)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(path))!).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>What is wrong with the file before SQLite opens it; null when it is absent, empty (a new store) or looks whole.</summary>
    public static string? HeaderProblem(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not a database file";
        }

        if (!File.Exists(path))
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        long length;
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            length = file.Length;
            read = file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read: {e.Message}";
        }

        if (length == 0)
        {
            return null; // SQLite treats an empty file as a new database
        }

        if (read < HeaderSize)
        {
            return $"is truncated: {length} bytes, shorter than the {HeaderSize}-byte SQLite header";
        }

        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            return "is not a SQLite database (it does not start with the SQLite header): it is corrupt or another kind of file";
        }

        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        pageSize = pageSize == 1 ? 65536 : pageSize;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return $"has a corrupt header (page size {pageSize})";
        }

        // The header's page count is valid only when the change counter equals the version-valid-for number. A crash
        // during a checkpoint can leave the file shorter than that count while the WAL still holds the pages, so the
        // check is made only when no WAL is waiting to be replayed.
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        var wal = new FileInfo(path + "-wal");
        var expected = (long)pages * pageSize;
        if (pages > 0 && changeCounter == validFor && (!wal.Exists || wal.Length == 0) && length < expected)
        {
            return $"is truncated: its header says {pages} pages of {pageSize} bytes ({expected} bytes) but the file has {length} bytes";
        }

        return null;
    }

    /// <summary>
    /// SQLite says only "unable to open database file" when it cannot create the -wal or -shm file beside the database:
    /// a read-only folder or file system. Trying to create a file there tells the operator which.
    /// </summary>
    private static string? FolderProblem(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using var probe = new FileStream(Path.Combine(folder, $".herald-write-test-{Environment.ProcessId}"), FileMode.Create, FileAccess.Write,
                FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be opened: its folder {folder} is not writable ({e.Message.TrimEnd('.')}), and Herald writes the database and its -wal and -shm files there";
        }
    }

    private static string? Problem(int code) => code switch
    {
        3 => "access denied",
        SqliteBusy => "is locked by another process",
        8 => "is read-only: Herald writes the database and its -wal and -shm files beside it, so the file and its folder must be writable",
        10 => "an I/O error occurred reading or writing it",
        11 => "is corrupt (the database disk image is malformed)",
        SqliteFull => "the disk holding it is full",
        SqliteCantOpen => "cannot be opened: check that the file and its folder exist, are readable and writable by this user, and that the path names a file",
        26 => "is not a SQLite database: it is corrupt or another kind of file",
        _ => null,
    };
}
