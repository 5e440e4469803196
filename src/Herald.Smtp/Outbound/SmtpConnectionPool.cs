using System.Collections.Concurrent;

namespace Herald.Smtp.Outbound;

/// <summary>
/// The connections to one host of one route. A slot is held for the whole use of a connection, so at most
/// <c>MaxConnections</c> are open at once; idle connections are reused newest first and closed after the idle timeout.
/// </summary>
internal sealed class SmtpConnectionPool(int maxConnections, TimeSpan idleTimeout, TimeProvider time) : IDisposable
{
    private readonly PrioritySlots _slots = new(maxConnections);
    private readonly ConcurrentStack<PooledConnection> _idle = new();

    /// <summary>Waits for a free slot; urgent callers (critical messages) are served first.</summary>
    public Task WaitAsync(bool urgent, CancellationToken cancellationToken) => _slots.WaitAsync(urgent, cancellationToken);

    /// <summary>An idle connection that may still be alive, or null. Call only while holding a slot.</summary>
    public PooledConnection? TakeIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            if (connection.Client.IsConnected && !Expired(connection))
            {
                return connection;
            }

            connection.Dispose();
        }

        return null;
    }

    /// <summary>Give the slot back, keeping the connection for the next message when it is reusable.</summary>
    public void Release(PooledConnection? connection, bool reusable)
    {
        if (connection is not null)
        {
            if (reusable && connection.Client.IsConnected)
            {
                connection.IdleSince = time.GetTimestamp();
                _idle.Push(connection);
            }
            else
            {
                connection.Dispose();
            }
        }

        _slots.Release();
    }

    /// <summary>Close the connections idle for longer than the idle timeout (servers drop them anyway: Postfix after 300 s).</summary>
    public void CloseIdle()
    {
        var keep = new List<PooledConnection>();
        while (_idle.TryPop(out var connection))
        {
            if (Expired(connection) || !connection.Client.IsConnected)
            {
                connection.Dispose();
            }
            else
            {
                keep.Add(connection);
            }
        }

        // Oldest back first so that the newest stays on top.
        for (var i = keep.Count - 1; i >= 0; i--)
        {
            _idle.Push(keep[i]);
        }
    }

    public void Dispose()
    {
        while (_idle.TryPop(out var connection))
        {
            connection.Dispose();
        }

        _slots.Dispose();
    }

    private bool Expired(PooledConnection connection) => time.GetElapsedTime(connection.IdleSince) >= idleTimeout;
}
