using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Connection strings and per-connection settings. See docs/storage.md for what they promise.</summary>
internal static class SqliteConnections
{
    /// <remarks>
    /// Default Timeout bounds Microsoft.Data.Sqlite's own retry loop on SQLITE_BUSY (30 s by default) to about the
    /// busy_timeout, so a locked database fails a batch after that time, as documented.
    /// </remarks>
    public static string WriterConnectionString(string path, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = false,
    }.ToString();

    /// <summary>Readers are pooled by Microsoft.Data.Sqlite; in WAL mode they never block, nor are blocked by, the writer.</summary>
    public static string ReaderConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWrite,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    /// <summary>Opens a pooled reader connection, disposing it if opening fails (every read path uses this).</summary>
    public static async Task<SqliteConnection> OpenReaderAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static SqliteConnection OpenWriter(string path, TimeSpan busyTimeout)
    {
        var connection = new SqliteConnection(WriterConnectionString(path, busyTimeout));
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // INCREMENTAL: space freed by the retention pruner can be handed back to the file system in small steps
            // (PRAGMA incremental_vacuum) instead of a VACUUM that rewrites the whole file. SQLite honours it only before
            // the first table is created; on a database made before it (auto_vacuum NONE) it changes nothing: free pages
            // are then reused but the file never shrinks (see docs/storage.md, "Retention").
            command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL";
            command.ExecuteNonQuery();

            // WAL: readers see the last commit while the writer appends; a commit is one sequential append + fsync.
            command.CommandText = "PRAGMA journal_mode = WAL";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {path} (got '{mode}'); the store needs it.");
            }

            // FULL: the WAL is fsynced at every commit, so an acknowledged write survives power loss, not only a
            // process crash (NORMAL would lose the last commits on power loss). busy_timeout: wait for a lock held by
            // another process (the CLI's backup, sqlite3 shell) instead of failing at once. secure_delete: content
            // deleted or overwritten (a purged sign-in code) is zeroed in its page instead of left in the free space,
            // so no file keeps it once the WAL is checkpointed (measured in docs/storage.md).
            command.CommandText =
                "PRAGMA synchronous = FULL; PRAGMA busy_timeout = " + (long)busyTimeout.TotalMilliseconds + "; PRAGMA temp_store = MEMORY; " +
                "PRAGMA cache_size = -32768; PRAGMA foreign_keys = OFF; PRAGMA secure_delete = ON";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
