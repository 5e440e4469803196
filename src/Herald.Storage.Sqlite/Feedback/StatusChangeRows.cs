using Herald.Core.Feedback;
using Herald.Core.Messages;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Corrects a final message's status (a late bounce or complaint) while it is in one of the change's statuses, and keeps
/// the reported status on the message for an attempt still in flight, which settles on it when it commits.
/// </summary>
internal static class StatusChangeRows
{
    public static void Apply(SqliteConnection connection, MessageStatusChange change, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        var names = new string[change.From.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = $"$from{i}";
            command.Parameters.AddWithValue(names[i], change.From[i].ToWire());
        }

        // A message still being delivered keeps its status (its lease owner decides it) but records the report, which
        // outranks a delivery (ReportedStatus.Settle); a report already kept that outranks this one stays.
        var from = names.Length == 0 ? "NULL" : string.Join(", ", names);
        command.CommandText = "UPDATE messages SET " +
            $"reported_status = CASE WHEN reported_status IS NULL OR reported_status IN ({from}) THEN $to ELSE reported_status END, " +
            $"updated_at = CASE WHEN status IN ({from}) THEN $now ELSE updated_at END, " +
            $"version = CASE WHEN status IN ({from}) THEN version + 1 ELSE version END, " +
            $"status = CASE WHEN status IN ({from}) THEN $to ELSE status END " +
            "WHERE id = $id";
        command.Parameters.AddWithValue("$to", change.To.ToWire());
        command.Parameters.AddWithValue("$now", UnixMs.From(now));
        command.Parameters.AddWithValue("$id", change.MessageId);
        command.ExecuteNonQuery();
    }
}
