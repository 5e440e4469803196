namespace Herald.Core.Feedback;

/// <summary>Outbox rows of one endpoint still to send (pending) and given up (dead letters).</summary>
public sealed record WebhookBacklog(string Endpoint, long Pending, long Dead);
