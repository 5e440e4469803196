namespace Herald.Bounces;

/// <summary>
/// One failed (or reported) recipient. The first fields follow RFC 3464 per-recipient fields and Sisimai's
/// decoded record; <see cref="Scenario"/>, <see cref="Actor"/>, <see cref="Suppress"/> and
/// <see cref="Explanation"/> are Herald's layer on top.
/// </summary>
public sealed record BounceRecord
{
    public required string Recipient { get; init; }
    public string Action { get; init; } = "";
    public string Status { get; init; } = "";
    public int? ReplyCode { get; init; }
    public string Diagnostic { get; init; } = "";
    public string RemoteMta { get; init; } = "";
    public Reason Reason { get; init; }
    public bool HardBounce { get; init; }
    public string FeedbackType { get; init; } = "";
    public Scenario Scenario { get; init; }

    /// <summary>The named party in the story: the gateway (Mimecast, ...) or blocklist (Spamhaus, ...), if shown.</summary>
    public string? Named { get; init; }

    public Actor Actor { get; init; }
    public SuppressAdvice Suppress { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
    public required Explanation Explanation { get; init; }
}
