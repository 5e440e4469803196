namespace Herald.Storage.Sqlite;

/// <summary>
/// Test hook: occupies the writer until released, so that the writes submitted meanwhile are all taken by the next
/// batch (lets tests check what one batch does with a bad operation among good ones).
/// </summary>
internal sealed class HoldWriterOp() : WriteOp<bool>(CancellationToken.None)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the writer thread is inside this operation.</summary>
    public Task Holding => _holding.Task;

    /// <summary>Writes nothing, so it needs no fsync.</summary>
    public override bool Durable => false;

    public void Release() => _release.TrySetResult();

    protected override bool Run(WriterSession session)
    {
        _holding.TrySetResult();
        // Blocking is the point: this runs on the writer thread, which must stay busy until released.
        _release.Task.GetAwaiter().GetResult();
        return true;
    }
}
