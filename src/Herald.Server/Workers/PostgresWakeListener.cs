using Herald.Storage.Postgres;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Workers;

/// <summary>
/// With several nodes on one PostgreSQL, a message accepted by one node must wake the idle delivery lanes of all of
/// them: every enqueue NOTIFYs, and this LISTENs and wakes this node's lanes. Losing a notification only costs one poll
/// interval (the lanes still poll; the queue is the truth).
/// </summary>
internal sealed class PostgresWakeListener(PostgresStore store, QueueSignal signal) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => store.ListenAsync(signal.Wake, stoppingToken);
}
