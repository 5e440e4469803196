using Herald.Core.Queue;

namespace Herald.Storage.Sqlite;

internal sealed class CompleteOp(DeliveryJob job, JobTransition transition, CancellationToken cancellationToken)
    : WriteOp<bool>(cancellationToken)
{
    /// <summary>Lost on power failure, this only means the message is sent again (at least once, same Message-ID).</summary>
    public override bool Durable => false;

    protected override bool Run(WriterSession session) => session.Complete.Run(job, transition);
}
