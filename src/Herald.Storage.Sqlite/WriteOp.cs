namespace Herald.Storage.Sqlite;

/// <summary>
/// A write operation that is its own completion source (one allocation per call). Continuations run asynchronously so
/// that callers' code never runs on, and never delays, the writer thread.
/// </summary>
internal abstract class WriteOp<T>(CancellationToken cancellationToken)
    : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IWriteOp
{
    private T? _result;
    private bool _executed;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public virtual bool Durable => true;

    public void Execute(WriterSession session)
    {
        _result = Run(session);
        _executed = true;
    }

    public void Publish()
    {
        if (_executed)
        {
            TrySetResult(_result!);
        }
    }

    public void Fail(Exception error)
    {
        _executed = false;
        TrySetException(error);
    }

    public void Cancel() => TrySetCanceled(CancellationToken);

    protected abstract T Run(WriterSession session);
}
