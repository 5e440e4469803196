using Herald.Core.Feedback;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Read, decide and write one address's ledger inside the writer's transaction (so two updates never interleave).</summary>
internal sealed class LedgerUpdateOp<T>(LedgerUpdate<T> update, CancellationToken cancellationToken) : WriteOp<T>(cancellationToken)
{
    protected override T Run(WriterSession session)
    {
        var connection = session.Connection;
        var current = LedgerRows.Read(connection, update.Address);
        var incidents = update.Block is { } hit ? IncidentRows.Hit(connection, hit)
            : update.Delivery is { } delivery ? IncidentRows.Delivered(connection, delivery)
            : IncidentStep.None;
        var (decision, result) = update.Decide(current, incidents.IncidentId);
        var now = session.TimeProvider.GetUtcNow();
        if (!ReferenceEquals(decision.Next, current))
        {
            LedgerRows.Write(connection, decision.Next, now);
        }

        LedgerRows.Append(connection, decision.History);
        foreach (var e in update.MessageEvents)
        {
            session.InsertEvent(e);
        }

        if (update.StatusChange is { } change)
        {
            StatusChangeRows.Apply(connection, change, now);
        }

        LedgerRows.Outbox(connection, update.Outbox(decision.Notices));
        LedgerRows.Outbox(connection, update.IncidentOutbox(incidents.Notices));
        return result;
    }
}
