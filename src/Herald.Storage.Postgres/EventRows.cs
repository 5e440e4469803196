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

    /// <summary>
    /// One INSERT for any number of events: each column is one array parameter ($first to $first+11), unnested in the
    /// list's order (WITH ORDINALITY ... ORDER BY), so seq follows the list. One statement instead of one per event:
    /// a delivered message has three. <paramref name="where"/> may make the insert conditional.
    /// </summary>
    public static string InsertSql(int first, string where = "") =>
        "INSERT INTO events (" + Columns + ") SELECT " + Columns + " FROM unnest(" +
        string.Join(", ", Types.Select((type, i) => $"${first + i}::{type}[]")) + ") WITH ORDINALITY AS e(" + Columns + ", ord) " +
        where + " ORDER BY ord";

    private static readonly string[] Types =
        ["text", "bigint", "text", "integer", "text", "text", "integer", "text", "text", "bigint", "bigint", "text"];

    /// <summary>The twelve array parameters of <see cref="InsertSql"/>, in its order.</summary>
    public static void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<DeliveryEvent> events) =>
        Positional.Add(parameters,
            events.Select(e => e.MessageId).ToArray(), events.Select(e => UnixMs.From(e.Time)).ToArray(), events.Select(e => e.Type.ToWire()).ToArray(),
            events.Select(e => e.Attempt).ToArray(), events.Select(e => e.Route).ToArray(), events.Select(e => StorableText.Of(e.RemoteHost)).ToArray(),
            events.Select(e => e.SmtpCode).ToArray(), events.Select(e => e.EnhancedStatus).ToArray(), events.Select(e => StorableText.Of(e.Reply)).ToArray(),
            events.Select(e => UnixMs.From(e.NextAttemptAt)).ToArray(), events.Select(e => e.DurationMs).ToArray(), events.Select(e => StorableText.Of(e.Detail)).ToArray());

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, DeliveryEvent e) =>
        InsertAsync(c, tx, [e]);

    /// <summary>Inserts the events in order (their seq follows it): one statement for the whole list.</summary>
    public static async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<DeliveryEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(InsertSql(1), c, tx);
        AddParameters(command.Parameters, events);
        await command.ExecuteNonQueryAsync();
    }

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
