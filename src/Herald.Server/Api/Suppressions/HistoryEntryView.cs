namespace Herald.Server.Api.Suppressions;

public sealed record HistoryEntryView(DateTimeOffset Time, string Action, string? Reason, string Actor, string? Detail, string? MessageId);
