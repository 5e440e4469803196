namespace Herald.Smtp.Outbound;

/// <summary>The outbound SMTP configuration: named routes chosen by <c>OutgoingEmail.Route</c>.</summary>
public sealed class SmtpRoutesOptions
{
    /// <summary>The name sent in EHLO (RFC 5321 section 4.1.1.1: the client's fully qualified domain name).</summary>
    public string LocalDomain { get; set; } = "localhost";

    public Dictionary<string, SmtpRouteOptions> Routes { get; } = new(StringComparer.OrdinalIgnoreCase);
}
