using Herald.Core.Events;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Columns of the events table and their mapping to <see cref="DeliveryEvent"/>.</summary>
internal static class EventRows
{
    public const string Columns =
        "message_id, time, type, attempt, route, remote_host, smtp_code, enhanced_status, reply, next_attempt_at, duration_ms, detail";

    public const string InsertSql =
        "INSERT INTO events (" + Columns + ") VALUES ($message_id, $time, $type, $attempt, $route, $remote_host, " +
        "$smtp_code, $enhanced_status, $reply, $next_attempt_at, $duration_ms, $detail)";

    public static void AddParameters(SqliteCommand command)
    {
        var p = command.Parameters;
        p.Add("$message_id", SqliteType.Text);
        p.Add("$time", SqliteType.Integer);
        p.Add("$type", SqliteType.Text);
        p.Add("$attempt", SqliteType.Integer);
        p.Add("$route", SqliteType.Text);
        p.Add("$remote_host", SqliteType.Text);
        p.Add("$smtp_code", SqliteType.Integer);
        p.Add("$enhanced_status", SqliteType.Text);
        p.Add("$reply", SqliteType.Text);
        p.Add("$next_attempt_at", SqliteType.Integer);
        p.Add("$duration_ms", SqliteType.Integer);
        p.Add("$detail", SqliteType.Text);
    }

    /// <summary>Binds by position, in the order of <see cref="AddParameters"/>.</summary>
    public static void Bind(SqliteCommand command, DeliveryEvent e)
    {
        var p = command.Parameters;
        p[0].Value = e.MessageId;
        p[1].Value = UnixMs.From(e.Time);
        p[2].Value = e.Type.ToWire();
        p[3].Value = DbValue.Of(e.Attempt);
        p[4].Value = DbValue.Of(e.Route);
        p[5].Value = DbValue.Of(e.RemoteHost);
        p[6].Value = DbValue.Of(e.SmtpCode);
        p[7].Value = DbValue.Of(e.EnhancedStatus);
        p[8].Value = DbValue.Of(e.Reply);
        p[9].Value = DbValue.Of(e.NextAttemptAt);
        p[10].Value = DbValue.Of(e.DurationMs);
        p[11].Value = DbValue.Of(e.Detail);
    }

    public static DeliveryEvent Read(SqliteDataReader r) => new(
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
}
