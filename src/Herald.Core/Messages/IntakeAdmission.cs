namespace Herald.Core.Messages;

/// <summary>
/// How many requests for messages below critical priority are accepted at once; the next ones wait here, in arrival
/// order, before they read or write anything. A request for critical messages never waits here, so under a flood of
/// bulk requests a sign-in code is not queued behind them. The reason is Little's law: with more requests in flight
/// than the store commits at once, each one's time in Herald grows with their number, a sign-in code's as any other's
/// (32 clients posting single bulk messages to one node on PostgreSQL, 1,400 accepted/s: critical POSTs took 19/48 ms
/// p50/p99; with 8 clients, 11/25; <c>PG_ONLY=1 bench/delivery-postgres.sh 20000</c>, 2026-12-01). The delivery lanes
/// reserve attempts for critical messages (Delivery:CriticalConcurrency); this is the same reservation at the door.
/// </summary>
/// <param name="belowCritical">Requests below critical priority in flight at once; 0 for no limit.</param>
public sealed class IntakeAdmission(int belowCritical) : IDisposable
{
    private readonly SemaphoreSlim? _slots = belowCritical > 0 ? new SemaphoreSlim(belowCritical, belowCritical) : null;

    /// <summary>Waits for a slot unless <paramref name="critical"/>; dispose the slot when the request is answered.</summary>
    public async ValueTask<IntakeSlot> EnterAsync(bool critical, CancellationToken cancellationToken)
    {
        if (critical || _slots is null)
        {
            return IntakeSlot.None;
        }

        // SemaphoreSlim serves its asynchronous waiters first come, first served.
        await _slots.WaitAsync(cancellationToken);
        return new IntakeSlot(_slots);
    }

    public void Dispose() => _slots?.Dispose();
}
