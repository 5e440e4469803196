namespace Herald.Core.Feedback;

/// <summary>What replaying one delivery did.</summary>
public enum WebhookReplayOutcome
{
    Replayed,

    /// <summary>The endpoint has no such delivery.</summary>
    NotFound,

    /// <summary>The delivery is pending or delivered: only dead letters are replayed (a pending one goes out anyway).</summary>
    NotDead,
}
