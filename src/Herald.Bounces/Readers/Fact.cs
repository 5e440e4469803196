namespace Herald.Bounces.Readers;

/// <summary>One recipient's facts as a reader found them, before the reason is decided (mutable while decoding).</summary>
internal sealed class Fact
{
    public string Recipient { get; set; } = "";
    public string Action { get; set; } = "";
    public string Status { get; set; } = "";
    public string ReplyCode { get; set; } = "";
    public string Diagnostic { get; set; } = "";

    /// <summary>The RFC 3464 diagnostic-type ("SMTP", "X-UNIX", ...); empty when the report gave none.</summary>
    public string DiagnosticType { get; set; } = "";

    public string RemoteMta { get; set; } = "";

    /// <summary>The MTA that wrote the report (Reporting-MTA, else the bounce's From domain).</summary>
    public string ReportingMta { get; set; } = "";

    /// <summary>The SMTP command the failure answered (CONN, EHLO, HELO, MAIL, RCPT, DATA, STARTTLS), if known.</summary>
    public string Command { get; set; } = "";

    /// <summary>A reason a reader is sure of (an MTA's own vocabulary, an ARF report, an auto-reply).</summary>
    public Reason? Reason { get; set; }

    /// <summary>True when <see cref="Reason"/> came from a provider's documented codes and must not be refined.</summary>
    public bool ReasonIsFinal { get; set; }

    public string FeedbackType { get; set; } = "";

    /// <summary>
    /// Set when the reader knows whether the sender is still retrying: a live SMTP reply (its code and stage decide,
    /// <see cref="SmtpReply.IsPermanentAt"/>). Null for reports, where the RFC 3464 Action field decides.
    /// </summary>
    public bool? Delayed { get; set; }

    /// <summary>A plain-text notice that says it is only a warning: the sender is still trying (<see cref="Rules.Permanence"/>).</summary>
    public bool Warning { get; set; }

    /// <summary>The MTA family that wrote the report, when its banner shows it ("exim"), for family conventions.</summary>
    public string Family { get; set; } = "";
}
