namespace Herald.Storage.Sqlite;

/// <summary>Where the embedded store keeps its database file (created on first open).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Path of the SQLite database file; its <c>-wal</c> and <c>-shm</c> companions live beside it.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// This process's name among the processes that share the database. It is recorded on every lease it takes, and
    /// <see cref="SqliteStore.RecoverAsync"/> releases only the leases of this node (and expired ones), so it must be
    /// stable across restarts of one process and different from every other process using the same database.
    /// </summary>
    public required string NodeId { get; init; }

    /// <summary>
    /// After the disk was full, the free space its file system needs before <see cref="SqliteStore.ProbeAsync"/> tries a
    /// write again (1 MiB: a few hundred messages with their events and indexes).
    /// </summary>
    public long MinFreeBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a write waits for a lock held by another process before its batch fails (tests shorten it).</summary>
    internal TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
