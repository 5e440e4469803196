namespace Herald.Smtp.Inbound;

/// <summary>Counts open sessions so that a flood of connections cannot exhaust sockets, memory or the sink.</summary>
internal sealed class ConnectionGate(int max)
{
    private int _active;

    public int Active => Volatile.Read(ref _active);

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _active) <= max)
        {
            return true;
        }

        Interlocked.Decrement(ref _active);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _active);
}
