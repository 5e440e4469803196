namespace Herald.Core.Inbound;

/// <summary>What the inbound listener should tell the sending MTA about a message.</summary>
public enum InboundDisposition
{
    /// <summary>Stored durably; the listener answers 250.</summary>
    Accepted,

    /// <summary>Could not be stored now; the listener answers 451 so the peer retries (RFC 5321 section 4.2.5).</summary>
    Deferred,

    /// <summary>Will never be accepted (e.g. unparseable); the listener answers 554.</summary>
    Rejected,
}
