namespace Herald.Smtp.Simulator;

/// <summary>What the bounce simulator does with a recipient, chosen by its local part (<see cref="SimulatorAddresses"/>).</summary>
public enum SimulatedCase
{
    /// <summary>A local part the simulator does not know: refused as an unknown mailbox.</summary>
    Unknown,

    /// <summary><c>delivered@</c>: 250, nothing follows.</summary>
    Delivered,

    /// <summary><c>bounce@</c>: 550 5.1.1 to RCPT.</summary>
    HardBounce,

    /// <summary><c>mailbox-full@</c>: 452 4.2.2 to RCPT on every attempt, so the message expires.</summary>
    MailboxFull,

    /// <summary><c>greylist@</c>: 451 4.7.1 to the first RCPT of a sender and recipient, then accepted.</summary>
    Greylisted,

    /// <summary><c>auto-reply@</c>: 250, then an RFC 3834 out-of-office reply to the Return-Path.</summary>
    AutoReply,

    /// <summary><c>complaint@</c>: 250, then an RFC 5965 (ARF) abuse report to the Return-Path.</summary>
    Complaint,

    /// <summary><c>gateway-block@</c>: the message refused after DATA in a Mimecast-style reply.</summary>
    GatewayBlock,

    /// <summary><c>blocklisted@</c>: 554 5.7.1 to RCPT naming a Spamhaus list, as Postfix words it.</summary>
    Blocklisted,

    /// <summary><c>late-bounce@</c>: 250, then an RFC 3464 DSN (5.1.1) to the Return-Path.</summary>
    LateBounce,
}
