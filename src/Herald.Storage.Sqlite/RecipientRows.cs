using Herald.Core.Recipients;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Reading recipients back, on the writer's connection (inside its transaction) or on a reader's.</summary>
internal static class RecipientRows
{
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static string? OwnerOf(SqliteConnection connection, string address) =>
        Scalar(connection, "SELECT recipient_id FROM recipient_addresses WHERE address_lower = $a", ("$a", address.ToLowerInvariant())) as string;

    public static Recipient? Load(SqliteConnection connection, string id)
    {
        if (Scalar(connection, "SELECT created_at FROM recipients WHERE id = $id", ("$id", id)) is not long created)
        {
            return null;
        }

        using var command = Command(connection,
            "SELECT address, is_primary, added_at, verified_at, verified_by FROM recipient_addresses WHERE recipient_id = $id " +
            "ORDER BY is_primary DESC, added_at, address_lower", ("$id", id));
        using var reader = command.ExecuteReader();
        var addresses = new List<ContactAddress>();
        while (reader.Read())
        {
            addresses.Add(new ContactAddress(
                reader.GetString(0),
                reader.GetInt64(1) != 0,
                UnixMs.To(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : UnixMs.To(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return new Recipient(id, UnixMs.To(created), addresses);
    }

    public static IReadOnlyList<Preference> Preferences(SqliteConnection connection, string id)
    {
        using var command = Command(connection,
            "SELECT category, enabled, changed_at, source FROM recipient_preferences WHERE recipient_id = $id ORDER BY category", ("$id", id));
        using var reader = command.ExecuteReader();
        var preferences = new List<Preference>();
        while (reader.Read())
        {
            preferences.Add(new Preference(reader.GetString(0), reader.GetInt64(1) != 0, UnixMs.To(reader.GetInt64(2)), reader.GetString(3)));
        }

        return preferences;
    }
}
