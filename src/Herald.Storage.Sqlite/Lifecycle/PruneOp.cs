using Herald.Core.Lifecycle;

namespace Herald.Storage.Sqlite.Lifecycle;

/// <summary>
/// One retention batch. Not fsynced on its own, like the queue's bookkeeping: a prune lost to a power cut is simply
/// done again by the next pass, and an fsync here would only hold acceptances waiting.
/// </summary>
internal sealed class PruneOp(RetentionCutoffs cutoffs, int limit, CancellationToken cancellationToken) : WriteOp<PruneBatch>(cancellationToken)
{
    public override bool Durable => false;

    protected override PruneBatch Run(WriterSession session) => PruneRows.Run(session.Connection, cutoffs, limit);
}
