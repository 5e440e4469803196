namespace Herald.Core.Delivery;

/// <summary>Failures below the SMTP reply level, reported by the transport as facts.</summary>
public enum TransportFailureKind
{
    /// <summary>TCP connect refused or unreachable.</summary>
    ConnectFailed,

    /// <summary>No answer within the configured timeout (connect, command or data).</summary>
    Timeout,

    /// <summary>The server closed the connection mid-transaction, e.g. during DATA.</summary>
    ConnectionLost,

    /// <summary>The recipient domain does not exist (NXDOMAIN): permanent.</summary>
    DomainNotFound,

    /// <summary>The domain publishes a null MX (RFC 7505): it accepts no mail, permanent.</summary>
    NullMx,

    /// <summary>DNS gave no usable answer right now (SERVFAIL, timeout): transient.</summary>
    DnsTemporaryFailure,

    /// <summary>STARTTLS was required by policy and could not be negotiated.</summary>
    TlsFailed,

    /// <summary>The server spoke something that is not SMTP.</summary>
    ProtocolError,
}
