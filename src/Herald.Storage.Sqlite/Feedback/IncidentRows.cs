using Herald.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>
/// Domain incidents inside the writer's transaction: the rows the lifecycle reads, and its decision
/// (<see cref="IncidentLifecycle"/>) written back whole. The one writer applies one step at a time, so an incident
/// opens and closes once.
/// </summary>
internal static class IncidentRows
{
    public const string Columns = "id, domain, signature, first_at, last_at, addresses, sample, closed_at, close_reason";

    /// <summary>A block hit: recorded, then opening, joining or (its window past) closing the block's incident.</summary>
    public static IncidentStep Hit(SqliteConnection connection, BlockHit hit)
    {
        using (var insert = Command(connection, "INSERT INTO block_hits (domain, signature, address, time) VALUES ($d, $s, $a, $t)", hit.Domain, hit.Signature))
        {
            insert.Parameters.AddWithValue("$a", hit.Address.ToLowerInvariant());
            insert.Parameters.AddWithValue("$t", UnixMs.From(hit.At));
            insert.ExecuteNonQuery();
        }

        DateTimeOffset? lastClosed;
        using (var closed = Command(connection, "SELECT MAX(closed_at) FROM domain_incidents WHERE domain = $d AND signature = $s", hit.Domain, hit.Signature))
        {
            lastClosed = closed.ExecuteScalar() is long ms ? UnixMs.To(ms) : null;
        }

        int addresses;
        long first;
        using (var count = Command(connection,
            "SELECT COUNT(DISTINCT address), MIN(time) FROM block_hits WHERE domain = $d AND signature = $s AND time >= $since", hit.Domain, hit.Signature))
        {
            count.Parameters.AddWithValue("$since", UnixMs.From(IncidentLifecycle.CountFrom(hit, lastClosed)));
            using var r = count.ExecuteReader();
            r.Read();
            (addresses, first) = (r.GetInt32(0), r.GetInt64(1));
        }

        var open = Read(connection, "domain = $d AND signature = $s AND closed_at IS NULL ORDER BY last_at DESC LIMIT 1", hit.Domain, hit.Signature);
        return Write(connection, IncidentLifecycle.Hit(open.SingleOrDefault(), hit, addresses, UnixMs.To(first), IncidentLifecycle.NewId()));
    }

    /// <summary>A delivery to the domain: its open incidents close.</summary>
    public static IncidentStep Delivered(SqliteConnection connection, DomainDelivery delivery) =>
        Write(connection, IncidentLifecycle.Delivered(Read(connection, "domain = $d AND closed_at IS NULL", delivery.Domain, null), delivery));

    /// <summary>The sweep: open incidents whose last hit is a window old close as quiet.</summary>
    public static IncidentStep Sweep(SqliteConnection connection, IncidentSweep sweep)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM domain_incidents WHERE closed_at IS NULL AND last_at <= $cut";
        command.Parameters.AddWithValue("$cut", UnixMs.From(sweep.At - sweep.Window));
        return Write(connection, IncidentLifecycle.Sweep(List(command), sweep.At, sweep.Window));
    }

    /// <summary>One row as read with <see cref="Columns"/>.</summary>
    public static DomainIncident From(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), UnixMs.To(r.GetInt64(3)), UnixMs.To(r.GetInt64(4)), r.GetInt32(5), r.GetString(6),
        r.IsDBNull(7) ? null : UnixMs.To(r.GetInt64(7)),
        FeedbackWire.TryParse(r.IsDBNull(8) ? null : r.GetString(8), out IncidentCloseReason reason) ? reason : null);

    /// <summary>The SQL condition for a state filter (none: every incident).</summary>
    public static string StateSql(IncidentState? state) => state switch
    {
        IncidentState.Open => "closed_at IS NULL",
        IncidentState.Closed => "closed_at IS NOT NULL",
        _ => "1 = 1",
    };

    private static IncidentStep Write(SqliteConnection connection, IncidentStep step)
    {
        foreach (var i in step.Writes)
        {
            using var command = Command(connection, $"INSERT INTO domain_incidents ({Columns}) VALUES ($id, $d, $s, $first, $last, $n, $sample, $closed, $reason) " +
                "ON CONFLICT (id) DO UPDATE SET last_at = excluded.last_at, addresses = excluded.addresses, sample = excluded.sample, " +
                "closed_at = excluded.closed_at, close_reason = excluded.close_reason", i.Domain, i.Signature);
            command.Parameters.AddWithValue("$id", i.Id);
            command.Parameters.AddWithValue("$first", UnixMs.From(i.FirstAt));
            command.Parameters.AddWithValue("$last", UnixMs.From(i.LastAt));
            command.Parameters.AddWithValue("$n", i.Addresses);
            command.Parameters.AddWithValue("$sample", i.Sample);
            command.Parameters.AddWithValue("$closed", DbValue.Of(i.ClosedAt));
            command.Parameters.AddWithValue("$reason", DbValue.Of(i.CloseReason?.ToWire()));
            command.ExecuteNonQuery();
        }

        return step;
    }

    private static List<DomainIncident> Read(SqliteConnection connection, string where, string domain, string? signature)
    {
        using var command = Command(connection, $"SELECT {Columns} FROM domain_incidents WHERE {where}", domain, signature);
        return List(command);
    }

    private static List<DomainIncident> List(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var items = new List<DomainIncident>();
        while (r.Read())
        {
            items.Add(From(r));
        }

        return items;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string domain, string? signature)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$d", domain);
        if (signature is not null)
        {
            command.Parameters.AddWithValue("$s", signature);
        }

        return command;
    }
}
