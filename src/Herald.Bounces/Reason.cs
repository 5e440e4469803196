namespace Herald.Bounces;

/// <summary>
/// Why a message failed, in Sisimai's vocabulary (libsisimai.org "reason" names), so results can be compared
/// with the most complete open classifier. <see cref="ReasonNames"/> gives the lowercase wire name.
/// </summary>
public enum Reason
{
    Undefined,
    OnHold,
    UserUnknown,
    HostUnknown,
    HasMoved,
    NotAccept,
    MailboxFull,
    Suspend,
    Filtered,
    Rejected,
    Blocked,
    BadReputation,
    RequirePtr,
    AuthFailure,
    SpamDetected,
    VirusDetected,
    PolicyViolation,
    SecurityError,
    ContentError,
    NotCompliantRfc,
    MesgTooBig,
    ExceedLimit,
    Expired,
    NetworkError,
    SystemError,
    SystemFull,
    MailerError,
    NoRelaying,
    TooManyConn,
    Speeding,
    SyntaxError,
    FailedStartTls,
    Suppressed,
    Delivered,
    Feedback,
    Vacation,
}
