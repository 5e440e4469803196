namespace Herald.Core.Doctor;

/// <summary>Where mail for a domain goes, by RFC 5321 section 5.1 and RFC 7505.</summary>
public enum MailRouting
{
    /// <summary>MX records name the domain's mail servers.</summary>
    Mx,

    /// <summary>"MX 0 ." (RFC 7505): the domain declares that it accepts no mail at all.</summary>
    NullMx,

    /// <summary>No MX, but the domain has an address: RFC 5321 section 5.1's implicit MX, which many domains never meant.</summary>
    AddressFallback,

    /// <summary>The name exists but has neither MX nor address: no server to deliver to.</summary>
    NoMailServer,

    /// <summary>NXDOMAIN: the domain does not exist.</summary>
    DomainNotFound,

    /// <summary>The domain's DNS servers fail (SERVFAIL, REFUSED).</summary>
    DnsFailure,

    /// <summary>The domain's DNS servers do not answer.</summary>
    TimedOut,
}
