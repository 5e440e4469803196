using Herald.Core.Queue;

namespace Herald.Server.Workers;

/// <summary>
/// Whether Herald should get traffic: once the queue is recovered and the workers run, and while the store takes
/// writes and its disk has room (<see cref="DiskSpaceCheck"/>). A store that failed a write (a full disk) is probed at most once a second; readiness comes back with the
/// first write that commits, so a load balancer sends clients elsewhere meanwhile instead of to a stream of 503s.
/// </summary>
internal sealed class Readiness(IStoreHealth store, TimeProvider time, DiskSpaceCheck? disk = null)
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private volatile bool _workersStarted;
    private volatile StorageFaultException? _probeFault;
    private long _lastProbe;
    private int _probing;

    public void WorkersStarted() => _workersStarted = true;

    /// <summary>The fault a probe at start-up found (a full disk): not ready until a write commits.</summary>
    public void StoreFaulted(StorageFaultException fault) => _probeFault = fault;

    /// <returns>"ready", "starting", "storage-unavailable" or "disk-space-low".</returns>
    public async Task<string> StateAsync(CancellationToken cancellationToken)
    {
        if (!_workersStarted)
        {
            return "starting";
        }

        if ((store.LastFault() ?? _probeFault) is null)
        {
            return disk?.IsLow() == true ? "disk-space-low" : "ready";
        }

        if (time.GetElapsedTime(Interlocked.Read(ref _lastProbe)) >= ProbeInterval && Interlocked.Exchange(ref _probing, 1) == 0)
        {
            try
            {
                Interlocked.Exchange(ref _lastProbe, time.GetTimestamp());
                _probeFault = await store.ProbeAsync(cancellationToken);
            }
            catch (StorageFaultException broken)
            {
                _probeFault = broken;
            }
            finally
            {
                Volatile.Write(ref _probing, 0);
            }
        }

        return (store.LastFault() ?? _probeFault) is not null ? "storage-unavailable" : disk?.IsLow() == true ? "disk-space-low" : "ready";
    }
}
