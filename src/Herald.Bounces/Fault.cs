namespace Herald.Bounces;

/// <summary>Whose doing a failure is, as far as the recipient's address is concerned.</summary>
public enum Fault
{
    /// <summary>Nothing about the address or the sender: a busy or unreachable server, a greylist, an auto-reply.</summary>
    Nobody,

    /// <summary>The address itself: it does not exist, its mailbox is full or disabled, its owner complained.</summary>
    Address,

    /// <summary>
    /// A block of the sender (a security gateway, a blocklist, authentication, policy or content): never the address's
    /// fault, and it can hit every address of a domain at once.
    /// </summary>
    Block,

    /// <summary>The sender's own message or setup (too large), not a block and not the address.</summary>
    Sender,
}
