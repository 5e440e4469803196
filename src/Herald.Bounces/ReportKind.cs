namespace Herald.Bounces;

/// <summary>What an inbound email (or pasted text) turned out to be.</summary>
public enum ReportKind
{
    /// <summary>A delivery failure (RFC 3464 DSN or an MTA's own format), or a failed SMTP reply.</summary>
    Bounce,

    /// <summary>An RFC 5965 (ARF) feedback report: a recipient marked our mail as spam.</summary>
    Complaint,

    /// <summary>An RFC 3834 automatic reply (out of office, vacation).</summary>
    AutoReply,

    /// <summary>Ordinary mail, or a delivery report that says the message was delivered.</summary>
    NotABounce,

    /// <summary>Input that could not be read at all; <see cref="BounceReport.Cause"/> says why.</summary>
    Undefined,
}
