namespace Herald.Core.Feedback;

/// <summary>Something the application may subscribe to (outbound webhooks): delivered, failed, bounced, complained, suppressed, unblocked.</summary>
public sealed record FeedbackNotice(string Type, string Address, DateTimeOffset At, string? MessageId, string? Reason, string? Detail);
