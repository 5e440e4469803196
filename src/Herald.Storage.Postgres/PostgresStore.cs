using Dapper;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// The shared store: every port on one PostgreSQL database, which several Herald nodes use at once. Each write is one
/// transaction on a pooled connection; its task completes after COMMIT returned, i.e. after PostgreSQL flushed its WAL
/// (synchronous_commit=on), except the queue's own bookkeeping (claims, outcomes, pruning), committed with
/// synchronous_commit=off as SQLite commits it without fsync (docs/storage.md). Claims take rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so nodes never wait for, nor take, each other's jobs.
/// </summary>
public sealed class PostgresStore : IDeliveryQueue, IMessageStore, IStoreHealth, IAsyncDisposable
{
    private readonly PostgresStoreOptions _options;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>The queue's own bookkeeping (claims, outcomes): the same database, commits that do not wait for the WAL flush.</summary>
    private readonly NpgsqlDataSource _bookkeeping;

    /// <summary>LISTEN is session state: its connection is its own, never returned to the pool the other statements use.</summary>
    private readonly NpgsqlDataSource _listening;

    /// <summary>Reads: the same database, multiplexed (<see cref="PostgresConnectionStrings.Multiplexed"/>).</summary>
    private readonly NpgsqlDataSource _reads;

    /// <summary>Plain enqueues' group commit (no idempotency key, no rate limit: nothing is read first).</summary>
    private readonly CommitGroup<(NewMessage Message, DeliveryEvent Accepted), EnqueueResult> _group;

    /// <summary>
    /// Critical messages group among themselves: a sign-in code never waits for a group of up to 256 bulk messages to be
    /// written and flushed before its own group starts; its commit runs beside that group's and shares its WAL flush
    /// when they meet.
    /// </summary>
    private readonly CommitGroup<(NewMessage Message, DeliveryEvent Accepted), EnqueueResult> _criticalGroup;

    /// <summary>Attempts' outcomes, grouped; a critical message's among critical ones only, as its enqueue.</summary>
    private readonly CommitGroup<(DeliveryJob Job, JobTransition Transition), Completion> _outcomes;

    private readonly CommitGroup<(DeliveryJob Job, JobTransition Transition), Completion> _criticalOutcomes;

    private readonly WakeNotifier _wake;

    private readonly SemaphoreSlim _opening = new(1, 1);
    private volatile bool _open;
    private StorageFaultException? _fault;

    public PostgresStore(PostgresStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.NodeId);
        _options = options;
        TimeProvider = timeProvider;
        var connectionString = PostgresConnectionStrings.WithDefaults(options.ConnectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _bookkeeping = NpgsqlDataSource.Create(PostgresConnectionStrings.Multiplexed(PostgresConnectionStrings.WithoutWaitingForFlush(connectionString)));
        _reads = NpgsqlDataSource.Create(PostgresConnectionStrings.Multiplexed(connectionString));
        _group = new(MaxEnqueueGroup, WriteEnqueuesAsync);
        _criticalGroup = new(MaxEnqueueGroup, WriteEnqueuesAsync);
        _outcomes = new(MaxOutcomeGroup, WriteOutcomesAsync);
        _criticalOutcomes = new(MaxOutcomeGroup, WriteOutcomesAsync);
        _wake = new WakeNotifier(priority => WriteStatementAsync(
            c => c.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = PostgresStoreOptions.WakeChannel, payload = WakePayload.Format(priority, options.NodeId) }),
            durable: false, CancellationToken.None));
        _listening = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Multiplexing = false }.ConnectionString);
    }

    internal TimeProvider TimeProvider { get; }

    internal string NodeId => _options.NodeId;

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Wakes the other nodes' delivery lanes; called after an enqueue that queued a message has committed.</summary>
    internal WakeNotifier Wake => _wake;

    /// <summary>Migrates the schema (when <see cref="PostgresStoreOptions.Migrate"/>) and checks that the database answers.</summary>
    /// <exception cref="StorageFaultException">The database cannot be reached.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            return;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (!_open)
            {
                await GuardAsync(async () =>
                {
                    if (_options.Migrate)
                    {
                        await PostgresMigrator.MigrateAsync(_dataSource, cancellationToken);
                    }
                    else
                    {
                        await using var c = await _dataSource.OpenConnectionAsync(cancellationToken);
                        await c.ExecuteAsync("SELECT 1");
                    }

                    return true;
                });
                _open = true;
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    public StorageFaultException? LastFault() => Volatile.Read(ref _fault);

    public async Task<StorageFaultException?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // One small durable write: the database takes commits, not only connections.
            await WriteAsync((c, tx) => c.ExecuteAsync(
                "UPDATE schema_version SET applied_at = applied_at WHERE version = (SELECT MAX(version) FROM schema_version)",
                transaction: tx), durable: true, cancellationToken);
            return null;
        }
        catch (StorageFaultException fault) when (fault.Transient)
        {
            return fault;
        }
    }

    public async Task<EnqueueResult> EnqueueAsync(NewMessage message, DeliveryEvent accepted, DateTimeOffset idempotencySince, CancellationToken cancellationToken)
    {
        // Without an idempotency key or a rate limit nothing is read first: the message joins the group commit of
        // concurrent enqueues (CommitGroup), one implicit transaction and one round trip for the whole group, which
        // wakes the other nodes itself.
        if (PlainEnqueues.Applies(message))
        {
            return await (message.Priority == Priority.Critical ? _criticalGroup : _group).AddAsync((message, accepted));
        }

        // A rate-limited message without an idempotency key (a sign-in code) under its limit: one round trip. Over it,
        // nothing was stored, and the transaction below stores it throttled.
        if (message.IdempotencyKey is null && message.RateLimit is not null &&
            await WriteStatementAsync(c => EnqueueWrites.TryUnderLimitAsync(c, message, accepted), durable: true, cancellationToken) is { } under)
        {
            _wake.Ring(message.Priority);
            return under;
        }

        var result = await WriteAsync((c, tx) => EnqueueWrites.RunAsync(c, tx, message, accepted, idempotencySince), durable: true, cancellationToken);
        if (result is EnqueueResult.Created)
        {
            _wake.Ring(message.Priority);
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>One transaction, so one WAL flush for the whole batch, and one wake-up for the other nodes after it.</remarks>
    public async Task<IReadOnlyList<EnqueueResult>> EnqueueBatchAsync(IReadOnlyList<EnqueueItem> items, DateTimeOffset idempotencySince, CancellationToken cancellationToken)
    {
        var results = await WriteAsync((c, tx) => EnqueueWrites.RunBatchAsync(c, tx, items, idempotencySince), durable: true, cancellationToken);
        if (EnqueueItem.MostUrgentQueued(items, results) is { } priority)
        {
            _wake.Ring(priority);
        }

        return results;
    }

    /// <inheritdoc />
    /// <remarks>Delivery is at least once: a job whose lease expires is claimed again (docs/storage.md).</remarks>
    public Task<IReadOnlyList<DeliveryJob>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        request.Max <= 0
            ? Task.FromResult<IReadOnlyList<DeliveryJob>>([])
            : WriteStatementAsync(c => QueueWrites.ClaimAsync(c, request, NodeId), durable: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Concurrent outcomes share one round trip and one commit (<see cref="CommitGroup{TItem,TResult}"/>): every lane
    /// waits for its outcome before it claims again, so up to Delivery:Concurrency outcomes meet.
    /// </remarks>
    public async Task<Completion> CompleteAsync(DeliveryJob job, JobTransition transition, CancellationToken cancellationToken)
    {
        QueueWrites.CheckEvents(job, transition);
        return await (job.Message.Priority == Priority.Critical ? _criticalOutcomes : _outcomes).AddAsync((job, transition));
    }

    /// <summary>Outcome groups written so far (tests: concurrent outcomes share one).</summary>
    internal int OutcomeGroups => _outcomes.Groups + _criticalOutcomes.Groups;

    internal int OutcomesWaiting => _outcomes.Waiting + _criticalOutcomes.Waiting;

    /// <summary>At most this many messages per enqueue group (written by two statements, PlainEnqueues; one wake-up after).</summary>
    internal const int MaxEnqueueGroup = 256;

    /// <summary>At most this many outcomes per group: more than the lanes of a node (16 and 4 by default).</summary>
    internal const int MaxOutcomeGroup = 64;

    private async Task<IReadOnlyList<EnqueueResult>> WriteEnqueuesAsync(IReadOnlyList<(NewMessage Message, DeliveryEvent Accepted)> group)
    {
        var results = await WriteStatementAsync(async c =>
        {
            await using var batch = new NpgsqlBatch(c);
            var results = PlainEnqueues.AddWrites(batch, group);
            await batch.ExecuteNonQueryAsync();
            return results;
        }, durable: true, CancellationToken.None);
        _wake.Ring(group.Min(x => x.Message.Priority));
        return results;
    }

    private Task<IReadOnlyList<Completion>> WriteOutcomesAsync(IReadOnlyList<(DeliveryJob Job, JobTransition Transition)> group) =>
        WriteStatementAsync(c => QueueWrites.CompleteAsync(c, group, TimeProvider), durable: false, CancellationToken.None);

    public Task<DateTimeOffset?> NextDueAtAsync(Priority lowestPriority, CancellationToken cancellationToken) =>
        ReadAsync(c => QueueWrites.NextDueAtAsync(c, lowestPriority, cancellationToken), cancellationToken);

    /// <summary>Waiting messages per priority (every priority listed, 0 when none) and the oldest acceptance of each.</summary>
    public Task<IReadOnlyList<QueueDepth>> DepthAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<QueueDepth>>(async c =>
        {
            // Every waiting message has one queue row (migration 0007), so this follows the backlog, not the history kept;
            // the oldest acceptance is the message's.
            var rows = await c.QueryAsync<(int Priority, long Count, long Oldest)>(new CommandDefinition(
                "SELECT q.priority, COUNT(*), MIN(m.created_at) FROM queue q JOIN messages m ON m.id = q.id GROUP BY q.priority",
                cancellationToken: cancellationToken));
            var found = rows.ToDictionary(r => (Priority)r.Priority, r => new QueueDepth((Priority)r.Priority, r.Count, UnixMs.To(r.Oldest)));
            return Enum.GetValues<Priority>().Select(p => found.GetValueOrDefault(p) ?? new QueueDepth(p, 0, null)).ToList();
        }, cancellationToken);

    /// <summary>Releases this node's leases (left by its previous run) and every expired lease; another node's live lease is kept.</summary>
    public Task<int> RecoverAsync(CancellationToken cancellationToken) =>
        WriteAsync((c, tx) => c.ExecuteAsync(
            "UPDATE queue SET " + QueueRows.Release + " WHERE lease_token IS NOT NULL AND (lease_node = @node OR lease_expires_at <= @now)",
            new { node = NodeId, now = UnixMs.From(TimeProvider.GetUtcNow()) }, tx), durable: false, cancellationToken);

    public Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(c => MessageReads.GetAsync(c, "id", id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<DeliveryEvent>> GetTimelineAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(c => EventRows.TimelineAsync(c, id, cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="FormatException"><paramref name="before"/> is not a cursor this store produced.</exception>
    public Task<MessagePage> ListByRecipientAsync(string address, int limit, string? before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var cursor = before is null ? (RecipientCursor?)null : RecipientCursor.Decode(before);
        return ReadAsync(c => MessageReads.ByRecipientAsync(c, address, limit, cursor, cancellationToken), cancellationToken);
    }

    public Task<StoredMessage?> FindByReturnPathAsync(string returnPath, CancellationToken cancellationToken) =>
        ReadAsync(c => MessageReads.GetAsync(c, "return_path", returnPath, cancellationToken), cancellationToken);

    /// <summary>
    /// Calls <paramref name="onWake"/> for every NOTIFY on <see cref="PostgresStoreOptions.WakeChannel"/> (an enqueue on any
    /// other node) with the most urgent priority it queued (<see cref="WakePayload"/>), until cancelled. A dropped
    /// connection is opened again after a second; meanwhile the lanes' own polling is the fallback, and one wake-up of
    /// every lane after reconnecting covers what was enqueued in between.
    /// </summary>
    public async Task ListenAsync(Action<Priority> onWake, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await OpenAsync(cancellationToken);
                await using var c = await _listening.OpenConnectionAsync(cancellationToken);
                // A NOTIFY names the node that sent it; this node's own enqueues woke its lanes in process already.
                c.Notification += (_, e) =>
                {
                    var (priority, node) = WakePayload.Parse(e.Payload);
                    if (node != NodeId)
                    {
                        onWake(priority);
                    }
                };
                await c.ExecuteAsync("LISTEN " + PostgresStoreOptions.WakeChannel);
                // Whatever was enqueued while this node was not listening, of any priority.
                onWake(Priority.Critical);
                while (true)
                {
                    await c.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or StorageFaultException or IOException or TimeoutException)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits. <paramref name="durable"/> false: the commit does not
    /// wait for the WAL flush (bookkeeping that a crash may only undo into a repeated, at-least-once attempt).
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, bool durable, CancellationToken cancellationToken) =>
        WriteStatementAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(cancellationToken);
            var result = await work(c, tx);
            await tx.CommitAsync(cancellationToken);
            return result;
        }, durable, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/>, one statement or one batch, outside an explicit transaction: PostgreSQL runs what
    /// comes before the protocol's Sync as one implicit transaction, so it is as atomic as <see cref="WriteAsync{T}"/>
    /// without the COMMIT's round trip (docs/storage.md: a claim, an outcome and a plain enqueue each took two).
    /// </summary>
    internal Task<T> WriteStatementAsync<T>(Func<NpgsqlConnection, Task<T>> work, bool durable, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await OpenAsync(cancellationToken);
            var result = await OnConnectionAsync(durable ? _dataSource : _bookkeeping, work, cancellationToken);
            if (durable)
            {
                Volatile.Write(ref _fault, null);
            }

            return result;
        });

    internal Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await OpenAsync(cancellationToken);
            return await OnConnectionAsync(_reads, work, cancellationToken);
        });

    /// <summary>Runs <paramref name="work"/> on a connection of <paramref name="source"/>, whose prepared statements are
    /// put right if PostgreSQL refuses a statement (<see cref="PreparedStatementRepair"/>).</summary>
    private static async Task<T> OnConnectionAsync<T>(NpgsqlDataSource source, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var c = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(c);
        }
        catch (PostgresException)
        {
            PreparedStatementRepair.AfterRefusal(c, source);
            throw;
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (PostgresFaults.From(e) is { } fault)
        {
            Volatile.Write(ref _fault, fault);
            throw fault;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _bookkeeping.DisposeAsync();
        await _listening.DisposeAsync();
        await _reads.DisposeAsync();
        _opening.Dispose();
    }
}
