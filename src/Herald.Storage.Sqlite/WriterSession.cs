using Herald.Core.Events;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// The single writer connection and its prepared statements. Used only by the writer thread, so statements are
/// prepared once and rebound for every operation instead of being parsed again each time.
/// </summary>
internal sealed class WriterSession : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _syncFull;
    private readonly SqliteCommand _syncNormal;
    private readonly SqliteCommand _checkpoint;
    private readonly SqliteCommand _shortBusyTimeout;
    private readonly SqliteCommand _busyTimeout;
    private bool _fullSync = true;

    public WriterSession(SqliteConnection connection, TimeProvider timeProvider, string nodeId, TimeSpan busyTimeout)
    {
        Connection = connection;
        TimeProvider = timeProvider;
        NodeId = nodeId;
        // IMMEDIATE takes the write lock at once, so a busy database is reported at BEGIN, not half-way.
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _savepoint = Prepare("SAVEPOINT op");
        _release = Prepare("RELEASE op");
        _rollbackToSavepoint = Prepare("ROLLBACK TO op; RELEASE op");
        _syncFull = Prepare("PRAGMA synchronous = FULL");
        _syncNormal = Prepare("PRAGMA synchronous = NORMAL");
        // TRUNCATE: copy every WAL frame into the database, then cut the WAL to zero bytes, so no old page image of a
        // purged row is left in it (sqlite.org/pragma.html#pragma_wal_checkpoint). It waits for readers through the busy
        // handler; 100 ms at most, so the writer is never held by a long read (it is tried again later).
        _checkpoint = Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        _shortBusyTimeout = Prepare("PRAGMA busy_timeout = 100");
        _busyTimeout = Prepare("PRAGMA busy_timeout = " + (long)busyTimeout.TotalMilliseconds);
        _insertEvent = Prepare(EventRows.InsertSql);
        EventRows.AddParameters(_insertEvent);
        Enqueue = new EnqueueStatements(this);
        Claim = new ClaimStatements(this);
        Complete = new CompleteStatements(this);
        // Only this node's leases (left by its previous run, which was killed) and expired ones: another node's live
        // lease belongs to a worker that may be sending that message right now.
        Recover = Prepare(
            "UPDATE messages SET lease_owner = NULL, lease_node = NULL, lease_token = NULL, lease_expires_at = NULL, version = version + 1 " +
            "WHERE lease_token IS NOT NULL AND (lease_node = $node OR lease_expires_at <= $now)");
        Recover.Parameters.Add("$node", SqliteType.Text).Value = nodeId;
        Recover.Parameters.Add("$now", SqliteType.Integer);
    }

    public SqliteConnection Connection { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The node recorded on the leases this store takes (see <see cref="SqliteStoreOptions.NodeId"/>).</summary>
    public string NodeId { get; }

    public EnqueueStatements Enqueue { get; }

    public ClaimStatements Claim { get; }

    public CompleteStatements Complete { get; }

    public SqliteCommand Recover { get; }

    /// <summary>Secret fields were purged since the last successful checkpoint: the WAL may still hold them.</summary>
    public bool WipePending { get; private set; }

    public void MarkWipe() => WipePending = true;

    /// <summary>Runs a TRUNCATE checkpoint outside any transaction; true when it completed (no reader held it back).</summary>
    public bool TryCheckpoint()
    {
        try
        {
            _shortBusyTimeout.ExecuteNonQuery();
            using var reader = _checkpoint.ExecuteReader();
            // One row: busy (1 when a reader or writer kept it from completing), WAL frames, frames checkpointed.
            var done = reader.Read() && reader.GetInt64(0) == 0;
            WipePending &= !done;
            return done;
        }
        catch (SqliteException)
        {
            // A full disk or an I/O error: the next batch reports it to its callers; the wipe is tried again later.
            return false;
        }
        finally
        {
            _busyTimeout.ExecuteNonQuery();
        }
    }

    /// <summary>Creates a command kept for the life of the session; the caller adds its parameters.</summary>
    public SqliteCommand Prepare(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(command);
        return command;
    }

    public void Begin() => _begin.ExecuteNonQuery();

    /// <summary>
    /// Chooses whether the next COMMIT is fsynced (synchronous=FULL) or only written to the WAL (NORMAL). In WAL mode a
    /// NORMAL commit survives a crash of the process (the OS holds the write) but not of the machine; the next FULL
    /// commit's fsync covers it too, because the WAL is one file written in order (sqlite.org/pragma.html#pragma_synchronous).
    /// </summary>
    public void UseFullSync(bool full)
    {
        if (full != _fullSync)
        {
            (full ? _syncFull : _syncNormal).ExecuteNonQuery();
            _fullSync = full;
        }
    }

    public void Commit() => _commit.ExecuteNonQuery();

    /// <summary>After a failed COMMIT or an error that already ended the transaction, ROLLBACK may itself fail.</summary>
    public void TryRollback()
    {
        if (Connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            _rollback.ExecuteNonQuery();
        }
        catch (Exception)
        {
            // No transaction was active (an error already ended it), or the connection is broken: nothing to undo,
            // and the writer loop must go on either way.
        }
    }

    public void Savepoint() => _savepoint.ExecuteNonQuery();

    public void ReleaseSavepoint() => _release.ExecuteNonQuery();

    public void RollbackToSavepoint() => _rollbackToSavepoint.ExecuteNonQuery();

    public void InsertEvent(DeliveryEvent e)
    {
        EventRows.Bind(_insertEvent, e);
        _insertEvent.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
