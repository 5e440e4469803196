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
    /// <summary>
    /// Sisimai's <c>hardbounce</c> field (userunknown, hostunknown, hasmoved; notaccept unless 4xx), kept so results
    /// compare with Sisimai's. Herald's own decisions read <see cref="ScenarioFacts"/> and <see cref="Delayed"/>.
    /// </summary>
    public bool HardBounce { get; init; }

    /// <summary>
    /// The sender is still trying: RFC 3464 <c>Action: delayed</c> in a report, or a reply that is not final at its
    /// stage of the SMTP transaction (<see cref="SmtpReply.IsPermanentAt"/>). False means this attempt is over for good.
    /// </summary>
    public bool Delayed { get; init; }

    /// <summary>
    /// The failure is permanent: final (not <see cref="Delayed"/>) and of RFC 3463 class 5 (else a 5xx reply). A 4.X.X that
    /// ran out of time is final but not permanent, so never a hard bounce. Decided with <see cref="Delayed"/> in one place.
    /// </summary>
    public bool Permanent { get; init; }
    public string FeedbackType { get; init; } = "";
    public Scenario Scenario { get; init; }

    /// <summary>The named party in the story: the gateway (Mimecast, ...) or blocklist (Spamhaus, ...), if shown.</summary>
    public string? Named { get; init; }

    public Actor Actor { get; init; }
    public SuppressAdvice Suppress { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
    public required Explanation Explanation { get; init; }
}
