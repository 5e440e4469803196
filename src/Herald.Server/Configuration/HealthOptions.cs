namespace Herald.Server.Configuration;

/// <summary>The <c>Herald:Health</c> section: what takes Herald out of its load balancer.</summary>
public sealed class HealthOptions
{
    /// <summary>
    /// Not ready while a critical message (a sign-in code) has waited longer than this: another node would send it
    /// sooner. Zero turns the check off.
    /// </summary>
    public TimeSpan CriticalQueueMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
