namespace Herald.Smtp.Outbound;

/// <summary>One named route. Relay uses Host/Port; Direct looks up the recipient domain's MX.</summary>
public sealed class SmtpRouteOptions
{
    public SmtpRouteKind Kind { get; set; } = SmtpRouteKind.Relay;

    /// <summary>The relay host (Relay only).</summary>
    public string? Host { get; set; }

    /// <summary>The server port; defaults to 587 for Relay and 25 for Direct (tests point Direct elsewhere).</summary>
    public int? Port { get; set; }

    public StartTlsPolicy StartTls { get; set; } = StartTlsPolicy.WhenAvailable;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The budget for one attempt on one host: connect, EHLO, the whole transaction.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Open connections per host of this route, busy and idle together. 20 is Postfix's default_destination_concurrency_limit,
    /// which large receivers are used to.
    /// </summary>
    public int MaxConnections { get; set; } = 20;

    /// <summary>An idle pooled connection is closed after this long (Postfix's smtp_connection_cache_time_limit is 2 s; providers keep them longer).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Direct only: the DNS server as "host:port" (port 53 when omitted); the system resolvers when null.</summary>
    public string? DnsServer { get; set; }

    /// <summary>Direct only: how long to wait for one DNS answer.</summary>
    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Set only by <c>AddHeraldDevMailbox</c> on its own route (not bindable from configuration): a 2xx from it is
    /// <c>Caught</c>, never <c>Accepted</c>, because the message stays on this machine and reaches nobody.
    /// </summary>
    internal bool IsDevelopmentMailbox { get; init; }

    internal int EffectivePort => Port ?? (Kind == SmtpRouteKind.Direct ? 25 : 587);
}
