namespace Herald.Server.Feedback.Api;

public sealed record HistoryEntryView(DateTimeOffset Time, string Action, string? Reason, string Actor, string? Detail, string? MessageId);
