namespace Herald.Dns;

/// <summary>The doctor's resolver (<c>Herald:Doctor:Dns</c>).</summary>
public sealed class DnsOptions
{
    /// <summary>"host:port" (53 when omitted); the system resolvers when null.</summary>
    public string? Server { get; set; }

    /// <summary>How long to wait for one answer before reporting a time-out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
