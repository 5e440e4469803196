using System.Threading.Channels;
using Herald.Core.Queue;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Group commit: every write goes through one dedicated connection on one thread. It takes everything waiting (up to
/// <see cref="MaxBatch"/> operations), runs it in ONE transaction and commits, so one fsync makes a whole batch
/// durable; only then are the callers answered. Under load, the batch grows by itself while the previous fsync runs,
/// which is what lets the API acknowledge each message durably without paying one fsync per message.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;

    /// <summary>How long the writer waits without work before it wipes purged secrets from the WAL.</summary>
    public static readonly TimeSpan QuietBeforeWipe = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest a purged secret stays in the WAL while the writer never runs out of work.</summary>
    public static readonly TimeSpan WipeInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<IWriteOp> _channel =
        Channel.CreateUnbounded<IWriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WriterSession _session;
    private readonly string _path;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The writer sleeps on this event rather than blocking on the channel's task: a blocked Task wait spins with
    // sched_yield first, and on two cores that spinning took about 8 % of the CPU under load (perf, bench/delivery.sh).
    private readonly ManualResetEventSlim _work = new(initialState: false, spinCount: 1);
    private long _commits;
    private long _syncedCommits;
    private long _wipes;
    private long _lastWipe;
    private StorageFaultException? _fault;
    private StorageFaultException? _opFault;

    public GroupCommitWriter(WriterSession session, string path)
    {
        _session = session;
        _path = path;
        _lastWipe = session.TimeProvider.GetTimestamp();
        // A dedicated thread, not the thread pool: each batch blocks in fsync, and on two cores a blocked pool thread
        // delays the request handlers that feed the batch.
        var thread = new Thread(Run) { IsBackground = true, Name = "herald-sqlite-writer" };
        thread.Start();
    }

    /// <summary>Transactions committed so far (one per batch); tests use it to check that writes are grouped.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Of <see cref="Commits"/>, those that were fsynced.</summary>
    public long SyncedCommits => Interlocked.Read(ref _syncedCommits);

    /// <summary>WAL checkpoints run to wipe purged secrets (see <see cref="WipeIfDue"/>).</summary>
    public long Wipes => Interlocked.Read(ref _wipes);

    /// <summary>The storage fault of the last failed batch; null again once a durable batch commits.</summary>
    public StorageFaultException? LastFault => Volatile.Read(ref _fault);

    public Task<T> Submit<T>(WriteOp<T> op)
    {
        ObjectDisposedException.ThrowIf(!_channel.Writer.TryWrite(op), typeof(SqliteStore));
        _work.Set();
        return op.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Operations already submitted are still run and committed before the connection closes.
        _channel.Writer.TryComplete();
        _work.Set();
        await _stopped.Task.ConfigureAwait(false);
        _work.Dispose();
    }

    private void Run()
    {
        var batch = new List<IWriteOp>(MaxBatch);
        var reader = _channel.Reader;
        try
        {
            while (WaitForWork(reader))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var op))
                {
                    batch.Add(op);
                }

                RunBatch(batch);
                batch.Clear();
                WipeIfDue(quiet: false);
            }
        }
        finally
        {
            _session.Dispose();
            _stopped.TrySetResult();
        }
    }

    /// <returns>false once the channel is completed and drained.</returns>
    private bool WaitForWork(ChannelReader<IWriteOp> reader)
    {
        while (true)
        {
            _work.Reset();
            if (reader.TryPeek(out _))
            {
                return true;
            }

            if (reader.Completion.IsCompleted)
            {
                return false;
            }

            // Submit sets the event after writing, so an op written between TryPeek and Wait is not missed. With purged
            // secrets still in the WAL, the writer waits only a short quiet time for more work, then wipes.
            if (_session.WipePending)
            {
                if (!_work.Wait(QuietBeforeWipe))
                {
                    WipeIfDue(quiet: true);
                }

                continue;
            }

            _work.Wait();
        }
    }

    private void RunBatch(List<IWriteOp> batch)
    {
        try
        {
            // A batch of claims and outcomes only is not fsynced: losing it to a power failure means messages are sent
            // again with the same Message-ID, which at-least-once delivery already allows. Waiting for that fsync held
            // the delivery slots: delivery alone ran about 10 % faster without it (bench/delivery-phases.sh, docs/storage.md). Any accepted message or
            // suppression in the batch makes the whole batch, and everything before it in the WAL, durable.
            var durable = batch.Exists(op => op.Durable);
            _session.UseFullSync(durable);
            _session.Begin();
            foreach (var op in batch)
            {
                RunOne(op);
            }

            _session.Commit();
            Interlocked.Increment(ref _commits);
            if (durable)
            {
                Interlocked.Increment(ref _syncedCommits);
                // A durable batch always writes pages, so its commit proves the disk takes writes again. A batch of
                // claims that found nothing writes no page and would commit even on a full disk.
                Volatile.Write(ref _fault, null);
            }
        }
        catch (Exception e)
        {
            // BEGIN or COMMIT failed (disk full, I/O error, database locked by another process), or an operation's
            // storage fault ended the transaction (SQLite rolls back on SQLITE_FULL and I/O errors): nothing of this
            // batch is durable, so every caller not yet answered gets the error. The loop goes on with the next batch.
            _session.TryRollback();
            var fault = SqliteFaults.From(_path, e) ?? _opFault;
            _opFault = null;
            if (fault is not null)
            {
                Volatile.Write(ref _fault, fault);
            }

            foreach (var op in batch)
            {
                op.Fail(fault ?? e);
            }

            return;
        }

        _opFault = null;

        foreach (var op in batch)
        {
            op.Publish();
        }
    }

    /// <summary>
    /// Each operation runs under its own SAVEPOINT, so one that throws (a bug, a constraint violation) is undone and
    /// fails alone while the rest of the batch commits.
    /// </summary>
    private void RunOne(IWriteOp op)
    {
        if (op.CancellationToken.IsCancellationRequested)
        {
            op.Cancel();
            return;
        }

        _session.Savepoint();
        try
        {
            op.Execute(_session);
            _session.ReleaseSavepoint();
        }
        catch (Exception e)
        {
            var fault = SqliteFaults.From(_path, e);
            if (fault is not null)
            {
                _opFault = fault;
                Volatile.Write(ref _fault, fault);
            }

            op.Fail(fault ?? e);
            // If this throws too, the transaction is gone: RunBatch fails the whole batch.
            _session.RollbackToSavepoint();
        }
    }

    /// <summary>
    /// After a purge of secret fields, the old row still sits in the WAL (and, before secure_delete zeroed it, in the
    /// free space of the page). A TRUNCATE checkpoint copies the purged pages into the database and empties the WAL, so
    /// no file of the data folder keeps the secret. It runs once the writer has had no work for
    /// <see cref="QuietBeforeWipe"/>, and under steady load at most once every <see cref="WipeInterval"/>: each one
    /// fsyncs the database and makes the WAL grow again from nothing (costs measured in docs/storage.md). A checkpoint
    /// a reader held back is tried again later.
    /// </summary>
    private void WipeIfDue(bool quiet)
    {
        if (!_session.WipePending)
        {
            return;
        }

        var now = _session.TimeProvider.GetTimestamp();
        if (!quiet && _session.TimeProvider.GetElapsedTime(_lastWipe, now) < WipeInterval)
        {
            return;
        }

        _lastWipe = now;
        if (_session.TryCheckpoint())
        {
            Interlocked.Increment(ref _wipes);
        }
    }
}
