using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Enqueue and suppress in one step: the message is stored final (status suppressed, secrets purged) in the same
/// savepoint as its insert, so a delivery worker can never claim it in between.
/// </summary>
internal sealed class EnqueueSuppressedOp(
    NewMessage message, DeliveryEvent accepted, DeliveryEvent suppressed, DateTimeOffset idempotencySince,
    IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) : WriteOp<EnqueueResult>(cancellationToken)
{
    protected override EnqueueResult Run(WriterSession session) =>
        Run(session, message, accepted, suppressed, idempotencySince, outbox);

    /// <summary>The step itself, also run for the suppressed messages of a batch (<see cref="EnqueueBatchOp"/>).</summary>
    public static EnqueueResult Run(WriterSession session, NewMessage message, DeliveryEvent accepted, DeliveryEvent suppressed,
        DateTimeOffset idempotencySince, IReadOnlyList<OutboxMessage> outbox)
    {
        var result = session.Enqueue.Run(message, accepted, idempotencySince);
        if (result is not EnqueueResult.Created created)
        {
            return result;
        }

        using var command = session.Connection.CreateCommand();
        command.CommandText = "UPDATE messages SET status = 'suppressed', data_json = $data, request_hash = $hash, updated_at = $now, version = version + 1 WHERE id = $id";
        command.Parameters.AddWithValue("$data", DbValue.Of(SecretData.Purge(message.DataJson, message.SecretFields)));
        command.Parameters.AddWithValue("$hash", RequestHashes.Purged(message.RequestHash));
        command.Parameters.AddWithValue("$now", UnixMs.From(suppressed.Time));
        command.Parameters.AddWithValue("$id", message.Id);
        command.ExecuteNonQuery();
        session.InsertEvent(suppressed);
        LedgerRows.Outbox(session.Connection, outbox);
        return new EnqueueResult.Created(created.Message with { Status = MessageStatus.Suppressed });
    }
}
