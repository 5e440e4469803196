namespace Herald.Storage.Sqlite;

/// <summary>A write given as a function, for stores whose writes are rare enough not to need prepared statements.</summary>
internal sealed class DelegateWriteOp<T>(Func<WriterSession, T> run, CancellationToken cancellationToken)
    : WriteOp<T>(cancellationToken)
{
    protected override T Run(WriterSession session) => run(session);
}
