namespace Herald.Server.Health;

/// <summary>
/// A store read shared by whoever asks within a second (readiness probes, metric scrapes): callers within that second
/// share one read. A failed read is not kept.
/// </summary>
internal sealed class SharedRead<T>(Func<CancellationToken, Task<T>> read, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private Task<T>? _read;
    private long _readAt;

    public Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_read is null || _read.IsFaulted || _read.IsCanceled || time.GetElapsedTime(_readAt) >= MaxAge)
            {
                // Not the caller's token: the read is shared, and one caller giving up must not fail the others.
                _read = read(CancellationToken.None);
                _readAt = time.GetTimestamp();
            }

            return _read.WaitAsync(cancellationToken);
        }
    }
}
