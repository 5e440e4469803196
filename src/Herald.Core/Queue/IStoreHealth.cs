namespace Herald.Core.Queue;

/// <summary>
/// Whether the store can take writes now (port). Readiness asks it, so that a full disk takes Herald out of a load
/// balancer instead of answering every client with an error, and puts it back as soon as writes commit again.
/// </summary>
public interface IStoreHealth
{
    /// <summary>The fault that made the last write fail, or null once a write has committed since. No IO.</summary>
    StorageFaultException? LastFault();

    /// <summary>
    /// Commits one small durable write now (opening the store first if needed) and returns null, or the transient fault
    /// that stopped it (a full disk); clears <see cref="LastFault"/> when it commits.
    /// </summary>
    /// <exception cref="StorageFaultException">The store is broken, not just full: corrupt, unreadable or read-only.</exception>
    Task<StorageFaultException?> ProbeAsync(CancellationToken cancellationToken);
}
