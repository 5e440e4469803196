namespace Herald.Smtp.Outbound;

public enum StartTlsPolicy
{
    /// <summary>Plain text only.</summary>
    None,

    /// <summary>STARTTLS when the server offers it (opportunistic, RFC 7435).</summary>
    WhenAvailable,

    /// <summary>STARTTLS or fail with <c>TlsFailed</c>.</summary>
    Required,

    /// <summary>TLS from the first byte (port 465, RFC 8314).</summary>
    Implicit,
}
