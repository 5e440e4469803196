using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Sqlite.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, all writes group-committed by one writer (see
/// <see cref="GroupCommitWriter"/>), reads on pooled reader connections. A write's task completes only after its
/// batch's COMMIT returned, i.e. after fsync (synchronous=FULL). Opens on first use or in <see cref="OpenAsync"/>.
/// Its leases carry its <see cref="SqliteStoreOptions.NodeId"/> (see <see cref="RecoverAsync"/> and docs/storage.md).
/// </summary>
public sealed class SqliteStore : IDeliveryQueue, IMessageStore, IStoreHealth, IAsyncDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly StoreReads _reads;
    private readonly FeedbackReads _feedbackReads;
    private readonly Lock _gate = new();
    private GroupCommitWriter? _writer;
    private bool _disposed;

    public SqliteStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.NodeId);
        _options = options;
        _timeProvider = timeProvider;
        _reads = new StoreReads(options.Path);
        _feedbackReads = new FeedbackReads(options.Path);
    }

    /// <summary>Transactions committed by the writer so far (one per batch of writes).</summary>
    internal long Commits => Writer().Commits;

    internal long SyncedCommits => Writer().SyncedCommits;

    /// <summary>WAL checkpoints run so far to wipe purged secrets.</summary>
    internal long Wipes => Writer().Wipes;

    /// <summary>Creates or migrates the database and starts the writer; optional, every call opens on demand.</summary>
    /// <exception cref="StorageFaultException">The file is corrupt, truncated, unreadable or read-only (the message names it).</exception>
    public Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Writer();
        return Task.CompletedTask;
    }

    public StorageFaultException? LastFault() => Volatile.Read(ref _writer)?.LastFault;

    public async Task<StorageFaultException?> ProbeAsync(CancellationToken cancellationToken)
    {
        // After a full disk, a one-page probe can still fit in space the WAL already holds while every real write
        // fails: readiness would flap. Until the file system has room again, the fault stands without a write.
        if (LastFault() is { } full && SqliteFaults.IsDiskFull(full) && SqliteFaults.FreeBytes(_options.Path) < _options.MinFreeBytes)
        {
            return full;
        }

        try
        {
            await Writer().Submit(new ProbeOp(cancellationToken));
            return null;
        }
        catch (StorageFaultException fault) when (fault.Transient)
        {
            return fault;
        }
    }

    public Task<EnqueueResult> EnqueueAsync(NewMessage message, DeliveryEvent accepted, DateTimeOffset idempotencySince, CancellationToken cancellationToken) =>
        Writer().Submit(new EnqueueOp(message, accepted, idempotencySince, cancellationToken));

    /// <inheritdoc />
    /// <remarks>One write operation, so one savepoint and one fsync for the whole batch (<see cref="EnqueueBatchOp"/>).</remarks>
    public Task<IReadOnlyList<EnqueueResult>> EnqueueBatchAsync(IReadOnlyList<EnqueueItem> items, DateTimeOffset idempotencySince, CancellationToken cancellationToken) =>
        Writer().Submit(new EnqueueBatchOp(items, idempotencySince, cancellationToken));

    /// <inheritdoc />
    /// <remarks>
    /// Delivery is at least once: a job whose lease expires (its worker died or hung) is claimed again, even if the
    /// first worker had already handed the message to the remote server.
    /// </remarks>
    public Task<IReadOnlyList<DeliveryJob>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        Writer().Submit(new ClaimOp(request, cancellationToken));

    /// <inheritdoc />
    /// <remarks>
    /// The delivered message's ledger is read on a reader connection after the writer stored the outcome, not in the
    /// writer's transaction: reads there would hold the single writer that the queue needs (FeedbackService's fast path).
    /// </remarks>
    public async Task<Completion> CompleteAsync(DeliveryJob job, JobTransition transition, CancellationToken cancellationToken)
    {
        if (!await Writer().Submit(new CompleteOp(job, transition, cancellationToken)))
        {
            return Completion.LeaseLost;
        }

        if (transition.Status != MessageStatus.Delivered)
        {
            return new Completion(true);
        }

        try
        {
            return new Completion(true, await _feedbackReads.LedgerWithDomainAsync(job.Message.To, cancellationToken));
        }
        catch (SqliteException)
        {
            // The outcome is stored: a read that fails after it must not make it look unstored (the lane would retry it
            // and find its lease gone). Without the read the feedback service reads the ledger itself.
            return new Completion(true);
        }
    }

    public Task<DateTimeOffset?> NextDueAtAsync(Priority lowestPriority, CancellationToken cancellationToken)
    {
        Writer();
        return _reads.NextDueAtAsync(lowestPriority, cancellationToken);
    }

    public Task<IReadOnlyList<QueueDepth>> DepthAsync(CancellationToken cancellationToken)
    {
        Writer();
        return _reads.DepthAsync(cancellationToken);
    }

    /// <summary>
    /// Releases the leases taken under this store's node id (left by a previous run of this process that was killed:
    /// at start-up none of its workers runs yet) and every expired lease, at the store's clock. A live lease of another
    /// node is kept: its worker may be sending that message right now.
    /// </summary>
    public Task<int> RecoverAsync(CancellationToken cancellationToken) =>
        Writer().Submit(new RecoverOp(cancellationToken));

    public Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        Writer();
        return _reads.GetAsync("id", id, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryEvent>> GetTimelineAsync(string id, CancellationToken cancellationToken)
    {
        Writer();
        return _reads.TimelineAsync(id, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="FormatException"><paramref name="before"/> is not a cursor this store produced.</exception>
    public Task<MessagePage> ListByRecipientAsync(string address, int limit, string? before, CancellationToken cancellationToken)
    {
        Writer();
        return _reads.ByRecipientAsync(address, limit, before, cancellationToken);
    }

    public Task<StoredMessage?> FindByReturnPathAsync(string returnPath, CancellationToken cancellationToken)
    {
        Writer();
        return _reads.GetAsync("return_path", returnPath, cancellationToken);
    }

    /// <summary>Other stores on the same file (recipients, feedback) share this writer: one writer per database file.</summary>
    internal Task<T> SubmitAsync<T>(WriteOp<T> op) => Writer().Submit(op);

    internal string DatabasePath => _options.Path;

    /// <summary>Test hook: blocks the writer until the returned operation is released.</summary>
    internal async Task<HoldWriterOp> HoldWriterAsync()
    {
        var hold = new HoldWriterOp();
        _ = Writer().Submit(hold);
        await hold.Holding;
        return hold;
    }

    /// <summary>Writes already submitted are committed first. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        GroupCommitWriter? writer;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        _reads.ClearPool();
    }


    private GroupCommitWriter Writer() => Volatile.Read(ref _writer) ?? Open();

    private GroupCommitWriter Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is null)
            {
                // Checked before SQLite opens it: SQLite would read a truncated file as a database with missing pages.
                if (SqliteFaults.HeaderProblem(_options.Path) is { } problem)
                {
                    throw new StorageFaultException($"{Path.GetFullPath(_options.Path)}: {problem}", transient: false, null);
                }

                SqliteConnection? connection = null;
                try
                {
                    connection = SqliteConnections.OpenWriter(_options.Path, _options.BusyTimeout);
                    SchemaMigrator.Migrate(connection);
                }
                catch (Exception e) when (SqliteFaults.From(_options.Path, e) is { } fault)
                {
                    connection?.Dispose();
                    throw fault;
                }
                catch
                {
                    connection?.Dispose();
                    throw;
                }

                var session = new WriterSession(connection, _timeProvider, _options.NodeId, _options.BusyTimeout);
                Volatile.Write(ref _writer, new GroupCommitWriter(session, _options.Path));
            }

            return _writer;
        }
    }
}
