using Herald.Core.Messages;
using Herald.Storage.Sqlite.Feedback;

namespace Herald.Storage.Sqlite;

/// <summary>
/// A batch of messages as ONE write operation: the writer runs it under one savepoint inside its group commit, so if any
/// statement fails the savepoint is rolled back and none of the batch is kept; otherwise the batch becomes durable with
/// the group's one fsync. Each item runs the same statements as a single enqueue (or a single suppressed enqueue).
/// </summary>
internal sealed class EnqueueBatchOp(IReadOnlyList<EnqueueItem> items, DateTimeOffset idempotencySince, CancellationToken cancellationToken)
    : WriteOp<IReadOnlyList<EnqueueResult>>(cancellationToken)
{
    protected override IReadOnlyList<EnqueueResult> Run(WriterSession session)
    {
        var results = new EnqueueResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            results[i] = item.Suppressed is { } s
                ? EnqueueSuppressedOp.Run(session, item.Message, item.Accepted, s.Event, idempotencySince, s.Outbox)
                : session.Enqueue.Run(item.Message, item.Accepted, idempotencySince);
        }

        return results;
    }
}
