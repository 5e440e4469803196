using System.Data.Common;
using Dapper;
using Herald.Core.Events;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>The events table: one row per <see cref="DeliveryEvent"/>, as in SQLite.</summary>
internal static class EventRows
{
    public const string Columns =
        "message_id, time, type, attempt, route, remote_host, smtp_code, enhanced_status, reply, next_attempt_at, duration_ms, detail";

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, DeliveryEvent e) =>
        InsertAsync(c, tx, [e]);

    /// <summary>Inserts the events in order (their seq follows it): one round trip for the whole list.</summary>
    public static async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<DeliveryEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(c, tx);
        foreach (var e in events)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO events (" + Columns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
            foreach (var value in Values(e))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }

    private static object?[] Values(DeliveryEvent e) =>
    [
        e.MessageId, UnixMs.From(e.Time), e.Type.ToWire(), e.Attempt, e.Route, e.RemoteHost, e.SmtpCode, e.EnhancedStatus,
        e.Reply, UnixMs.From(e.NextAttemptAt), e.DurationMs, e.Detail,
    ];

    public static DeliveryEvent Read(DbDataReader r) => new(
        MessageId: r.GetString(0),
        Time: UnixMs.To(r.GetInt64(1)),
        Type: EventTypeExtensions.ParseWire(r.GetString(2)),
        Attempt: r.IsDBNull(3) ? null : r.GetInt32(3),
        Route: r.IsDBNull(4) ? null : r.GetString(4),
        RemoteHost: r.IsDBNull(5) ? null : r.GetString(5),
        SmtpCode: r.IsDBNull(6) ? null : r.GetInt32(6),
        EnhancedStatus: r.IsDBNull(7) ? null : r.GetString(7),
        Reply: r.IsDBNull(8) ? null : r.GetString(8),
        NextAttemptAt: r.IsDBNull(9) ? null : UnixMs.To(r.GetInt64(9)),
        DurationMs: r.IsDBNull(10) ? null : r.GetInt64(10),
        Detail: r.IsDBNull(11) ? null : r.GetString(11));

    public static async Task<IReadOnlyList<DeliveryEvent>> TimelineAsync(NpgsqlConnection c, string id, CancellationToken ct)
    {
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT " + Columns + " FROM events WHERE message_id = @id ORDER BY seq", new { id }, cancellationToken: ct));
        var events = new List<DeliveryEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(Read(reader));
        }

        return events;
    }
}
