namespace Herald.Bounces;

/// <summary>Who has to do something before mail to this address can work again.</summary>
public enum Actor
{
    /// <summary>Nobody: the condition is temporary; wait and retry.</summary>
    Nobody,

    /// <summary>The recipient (empty the mailbox, fix the address they gave us, reply to a complaint).</summary>
    Recipient,

    /// <summary>The recipient's IT or mail administrator (allow-list us, fix their DNS or gateway).</summary>
    RecipientIt,

    /// <summary>The sender: Herald's operator (fix SPF/DKIM/DMARC, reputation, message size, content).</summary>
    Sender,
}
