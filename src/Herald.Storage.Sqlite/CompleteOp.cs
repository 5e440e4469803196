using Herald.Core.Queue;

namespace Herald.Storage.Sqlite;

internal sealed class CompleteOp(DeliveryJob job, JobTransition transition, CancellationToken cancellationToken)
    : WriteOp<bool>(cancellationToken)
{
    protected override bool Run(WriterSession session) => session.Complete.Run(job, transition);
}
