namespace Herald.Storage.Sqlite;

/// <summary>One pending write, run by the group-commit writer inside a shared transaction.</summary>
internal interface IWriteOp
{
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// Whether the caller may only be answered after an fsync. True for anything promised to a client (an accepted
    /// message, a suppression); false for the queue's own bookkeeping (claims, delivery outcomes), see
    /// <see cref="GroupCommitWriter"/>.
    /// </summary>
    bool Durable { get; }

    /// <summary>Runs the SQL; the result is kept until the batch's COMMIT succeeded.</summary>
    void Execute(WriterSession session);

    /// <summary>Hands the kept result to the caller: called only after the COMMIT (the fsync) returned.</summary>
    void Publish();

    void Fail(Exception error);

    void Cancel();
}
