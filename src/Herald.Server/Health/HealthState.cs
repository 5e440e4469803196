namespace Herald.Server.Health;

/// <summary>
/// The words /healthz has answered with since before the health checks (scripts and load balancers may match them):
/// each readiness check puts its word in its data under <see cref="Key"/>; the answer's status is the first failing one's.
/// </summary>
internal static class HealthState
{
    public const string Key = "state";
    public const string Ready = "ready";
    public const string Starting = "starting";
    public const string StorageUnavailable = "storage-unavailable";
    public const string CriticalQueueLate = "critical-queue-late";
    public const string DiskSpaceLow = "disk-space-low";

    /// <summary>The tag of the checks that decide readiness (liveness runs none: a live process answers).</summary>
    public const string ReadyTag = "ready";

    public static IReadOnlyDictionary<string, object> Data(string state) => new Dictionary<string, object> { [Key] = state };
}
