namespace Herald.Bounces;

/// <summary>
/// What suppression should do with the address. Reputation and policy blocks are about the sender, not the
/// recipient, so they never suspend the recipient's address.
/// </summary>
public enum SuppressAdvice
{
    /// <summary>Keep sending; nothing about the address is wrong (auto-replies, delivered reports).</summary>
    None,

    /// <summary>Retry later with backoff (greylisting, full mailbox, unreachable server).</summary>
    Retry,

    /// <summary>Hold mail to this address until someone acts, without blaming the recipient.</summary>
    Hold,

    /// <summary>Suspend the address: it does not exist, or the recipient complained.</summary>
    Suspend,
}
