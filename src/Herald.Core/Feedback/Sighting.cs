namespace Herald.Core.Feedback;

/// <summary>One message of ours that an auto-responder answered, and when.</summary>
public sealed record Sighting(string MessageId, DateTimeOffset At);
