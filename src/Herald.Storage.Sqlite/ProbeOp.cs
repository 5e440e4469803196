namespace Herald.Storage.Sqlite;

/// <summary>
/// The smallest durable write: rewrites one row with its own values, so a page goes to the WAL and is fsynced. It
/// commits only when the disk takes writes, which a batch of claims that found nothing does not prove.
/// </summary>
internal sealed class ProbeOp(CancellationToken cancellationToken) : WriteOp<bool>(cancellationToken)
{
    protected override bool Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        // SQLite rewrites a row even when no value changes, so this always dirties a page.
        command.CommandText = "UPDATE schema_version SET applied_at = applied_at WHERE version = (SELECT MAX(version) FROM schema_version)";
        command.ExecuteNonQuery();
        return true;
    }
}
