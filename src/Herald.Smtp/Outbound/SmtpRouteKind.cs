namespace Herald.Smtp.Outbound;

public enum SmtpRouteKind
{
    /// <summary>Every message goes to one smarthost (a provider's submission server, a local Postfix).</summary>
    Relay,

    /// <summary>Each message goes to the recipient domain's MX hosts (RFC 5321 section 5).</summary>
    Direct,
}
