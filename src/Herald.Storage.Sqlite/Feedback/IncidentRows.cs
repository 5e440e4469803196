using Herald.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Domain incidents: when several addresses of one domain hit the same block within the window, one incident is opened
/// (or the open one extended) and every affected address's problem points to it.
/// </summary>
internal static class IncidentRows
{
    /// <returns>The incident id, or null while too few addresses are affected.</returns>
    public static string? Record(SqliteConnection connection, BlockHit hit)
    {
        var since = UnixMs.From(hit.At - hit.Window);
        Execute(connection, "INSERT INTO block_hits (domain, signature, address, time) VALUES ($d, $s, $a, $t)", hit, since);
        var addresses = Convert.ToInt32(Scalar(connection,
            "SELECT COUNT(DISTINCT address) FROM block_hits WHERE domain = $d AND signature = $s AND time >= $since", hit, since),
            System.Globalization.CultureInfo.InvariantCulture);
        if (addresses < hit.MinAddresses)
        {
            return null;
        }

        if (Scalar(connection, "SELECT id FROM domain_incidents WHERE domain = $d AND signature = $s AND last_at >= $since " +
            "ORDER BY last_at DESC LIMIT 1", hit, since) is string open)
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE domain_incidents SET last_at = MAX(last_at, $t), addresses = MAX(addresses, $n), sample = $sample WHERE id = $id";
            update.Parameters.AddWithValue("$sample", hit.Sample);
            update.Parameters.AddWithValue("$t", UnixMs.From(hit.At));
            update.Parameters.AddWithValue("$n", addresses);
            update.Parameters.AddWithValue("$id", open);
            update.ExecuteNonQuery();
            return open;
        }

        var id = "inc_" + Herald.Core.Messages.MessageFactory.RandomToken(16);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO domain_incidents (id, domain, signature, first_at, last_at, addresses, sample) " +
            "SELECT $id, $d, $s, MIN(time), $t, $n, $sample FROM block_hits WHERE domain = $d AND signature = $s AND time >= $since";
        Bind(insert, hit, since);
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$n", addresses);
        insert.Parameters.AddWithValue("$sample", hit.Sample);
        insert.ExecuteNonQuery();
        return id;
    }

    private static void Execute(SqliteConnection connection, string sql, BlockHit hit, long since)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, hit, since);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, BlockHit hit, long since)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, hit, since);
        return command.ExecuteScalar();
    }

    private static void Bind(SqliteCommand command, BlockHit hit, long since)
    {
        command.Parameters.AddWithValue("$d", hit.Domain);
        command.Parameters.AddWithValue("$s", hit.Signature);
        command.Parameters.AddWithValue("$a", hit.Address.ToLowerInvariant());
        command.Parameters.AddWithValue("$t", UnixMs.From(hit.At));
        command.Parameters.AddWithValue("$since", since);
    }
}
