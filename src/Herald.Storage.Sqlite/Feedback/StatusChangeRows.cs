using Herald.Core.Feedback;
using Herald.Core.Messages;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Corrects a final message's status (a late bounce or complaint), only while it is still in an expected status.</summary>
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

        // Never touches a message still being delivered (its lease owner decides its status), only final ones.
        command.CommandText = "UPDATE messages SET status = $to, updated_at = $now, version = version + 1 " +
            $"WHERE id = $id AND status IN ({string.Join(", ", names)})";
        command.Parameters.AddWithValue("$to", change.To.ToWire());
        command.Parameters.AddWithValue("$now", UnixMs.From(now));
        command.Parameters.AddWithValue("$id", change.MessageId);
        command.ExecuteNonQuery();
    }
}
