using Herald.Core.Messages;

namespace Herald.Storage.Postgres;

/// <summary>
/// What a NOTIFY on the wake channel says: the most urgent priority queued since the last one, then the node that sent
/// it ("critical node-a"), so the other nodes wake only the lanes that take it (QueueSignal) and the sender ignores its
/// own. A payload without a priority (a node of an earlier version sends its id alone) wakes every lane.
/// </summary>
internal static class WakePayload
{
    public static string Format(Priority priority, string node) => $"{priority.ToWire()} {node}";

    public static (Priority Priority, string Node) Parse(string payload)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && PriorityExtensions.TryParseWire(payload[..space], out var priority)
            ? (priority, payload[(space + 1)..])
            : (Priority.Critical, payload);
    }
}
