using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Storage.Sqlite;

internal sealed class EnqueueOp(NewMessage message, DeliveryEvent accepted, DateTimeOffset idempotencySince, CancellationToken cancellationToken)
    : WriteOp<EnqueueResult>(cancellationToken)
{
    protected override EnqueueResult Run(WriterSession session) =>
        session.Enqueue.Run(message, accepted, idempotencySince);
}
