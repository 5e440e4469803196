namespace Herald.Storage.Sqlite;

internal sealed class RecoverOp(CancellationToken cancellationToken) : WriteOp<int>(cancellationToken)
{
    protected override int Run(WriterSession session)
    {
        session.Recover.Parameters["$now"].Value = UnixMs.From(session.TimeProvider.GetUtcNow());
        return session.Recover.ExecuteNonQuery();
    }
}
