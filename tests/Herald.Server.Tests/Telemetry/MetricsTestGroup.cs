namespace Herald.Server.Tests.Telemetry;

/// <summary>
/// Tests that read a host's /metrics run alone, after the parallel ones. OpenTelemetry's <c>AddMeter("Herald")</c>
/// listens to every meter of that name in the process, and each test host creates its own: with other hosts running
/// beside it, a scrape may export another host's instruments (seen: a delivered counter of 0 while three messages had
/// been delivered). A deployed Herald has one host per process, so this is a test-process concern only.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsTestGroup
{
    public const string Name = "metrics";
}
