using Herald.Core.Events;

namespace Herald.Server.Api.Messages;

public sealed record TimelineEntry(
    DateTimeOffset Time,
    string Type,
    int? Attempt,
    string? Route,
    string? RemoteHost,
    int? SmtpCode,
    string? EnhancedStatus,
    string? Reply,
    DateTimeOffset? NextAttemptAt,
    long? DurationMs,
    string? Detail)
{
    public static TimelineEntry From(DeliveryEvent e) => new(
        e.Time, e.Type.ToWire(), e.Attempt, e.Route, e.RemoteHost, e.SmtpCode, e.EnhancedStatus, e.Reply, e.NextAttemptAt, e.DurationMs, e.Detail);
}
