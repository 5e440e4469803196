using Herald.Core.Queue;

namespace Herald.Server.Workers;

/// <summary>
/// Whether Herald should get traffic: once the queue is recovered and the workers run, and while the store takes
/// writes. A store that failed a write (a full disk) is probed at most once a second; readiness comes back with the
/// first write that commits, so a load balancer sends clients elsewhere meanwhile instead of to a stream of 503s.
/// </summary>
internal sealed class Readiness(IStoreHealth store, TimeProvider time)
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private volatile bool _workersStarted;
    private volatile StorageFaultException? _probeFault;
    private long _lastProbe;
    private int _probing;

    public void WorkersStarted() => _workersStarted = true;

    /// <summary>The fault a probe at start-up found (a full disk): not ready until a write commits.</summary>
    public void StoreFaulted(StorageFaultException fault) => _probeFault = fault;

    /// <summary>True once the queue is recovered and the workers run.</summary>
    public bool Started => _workersStarted;

    /// <summary>The fault that keeps the store from taking writes, or null; probes a faulted store at most once a second.</summary>
    public async Task<StorageFaultException?> StoreFaultAsync(CancellationToken cancellationToken)
    {
        if ((store.LastFault() ?? _probeFault) is null)
        {
            return null;
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

        return store.LastFault() ?? _probeFault;
    }
}
