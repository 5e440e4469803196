namespace Herald.Bounces;

/// <summary>Where in the SMTP transaction a reply was received. Matters: 552 to RCPT is transient (RFC 5321 4.5.3.1.10).</summary>
public enum SmtpStage
{
    Connect,
    Ehlo,
    StartTls,
    Auth,
    MailFrom,
    RcptTo,
    Data,
}
