namespace Herald.Storage.Sqlite;

/// <summary>Where the embedded store keeps its database file (created on first open).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Path of the SQLite database file; its <c>-wal</c> and <c>-shm</c> companions live beside it.</summary>
    public required string Path { get; init; }

    /// <summary>How long a write waits for a lock held by another process before its batch fails (tests shorten it).</summary>
    internal TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
