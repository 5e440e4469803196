namespace Herald.Core.Feedback;

/// <summary>Closes, at <paramref name="At"/>, the open incidents with no hit for <paramref name="Window"/>, storing their notices' outbox rows with them.</summary>
public sealed record IncidentSweep(DateTimeOffset At, TimeSpan Window, Func<IReadOnlyList<IncidentNotice>, IReadOnlyList<OutboxMessage>> Outbox);
