namespace Herald.Server.Inbound;

/// <summary>
/// The <c>Herald:Inbound</c> section: the bounce listener that <c>herald serve</c> starts for the bounce domain.
/// Loopback by default: in production an MTA (or a port forward) in front of it receives mail for the bounce domain.
/// </summary>
public sealed class InboundOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>host:port to listen on; port 0 picks a free one (tests).</summary>
    public string Endpoint { get; set; } = "127.0.0.1:2526";

    /// <summary>Greeting name; defaults to the bounce domain.</summary>
    public string? ServerName { get; set; }

    public int MaxMessageSize { get; set; } = 10 * 1024 * 1024;

    public int MaxRecipients { get; set; } = 10;

    public int MaxConnections { get; set; } = 50;

    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
