using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Telemetry;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Workers;

/// <summary>
/// Keeps up to <c>concurrency</c> attempts in flight: claims as many due jobs as it has free slots, runs each
/// through the pipeline and records the transition. A lane limited to critical messages keeps sign-in codes
/// moving while the general lane is saturated with bulk mail.
/// </summary>
internal sealed partial class DeliveryLane(
    string name,
    Priority lowestPriority,
    int concurrency,
    IDeliveryQueue queue,
    DeliveryPipeline pipeline,
    IOutcomeObserver[] observers,
    QueueSignal signal,
    TimeProvider time,
    TimeSpan leaseDuration,
    TimeSpan idlePoll,
    HeraldMetrics metrics,
    ILogger logger)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{name}:{Guid.NewGuid():N}";

    public async Task RunAsync(CancellationToken stopping)
    {
        var inFlight = new HashSet<Task>();
        while (!stopping.IsCancellationRequested)
        {
            inFlight.RemoveWhere(t => t.IsCompleted);
            var free = concurrency - inFlight.Count;
            IReadOnlyList<DeliveryJob>? jobs = null;

            // Taken before the claim, so that a message enqueued while the claim runs (too late for it) still wakes
            // the lane below. Asking for a fresh one after the claim lost that wake-up: the message then waited for an
            // attempt in flight to end, or for the idle poll (DeliveryLaneWakeTests).
            var wake = signal.WaitAsync(lowestPriority);

            // Claim in batches: every claim is a write through the single SQLite writer, so claiming one job each
            // time one finishes would double the writer's work. Top up once a quarter of the slots are free.
            if (free > 0 && (inFlight.Count == 0 || free >= Math.Max(1, concurrency / 4)))
            {
                jobs = await ClaimAsync(free, stopping);
                foreach (var job in jobs)
                {
                    inFlight.Add(ProcessAsync(job, stopping));
                }

                if (jobs.Count == 0 && inFlight.Count == 0)
                {
                    await WaitForWorkAsync(wake, stopping);
                    continue;
                }
            }

            if (jobs is not null && jobs.Count < free && inFlight.Count > 0)
            {
                // Nothing more is due now: wait for an attempt to finish or for new work, whichever comes first.
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                await Task.WhenAny(Task.WhenAny(inFlight), wake, Task.Delay(idlePoll, time, poll.Token)).ConfigureAwait(false);
                await poll.CancelAsync(); // drop the timer now rather than let thousands pile up under load
            }
            else if (inFlight.Count > 0)
            {
                // All slots busy, or too few free to be worth a claim: wait for attempts to finish.
                await Task.WhenAny(inFlight).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeliveryJob>> ClaimAsync(int max, CancellationToken stopping)
    {
        try
        {
            // The lease makes delivery at-least-once: if this process dies after the server accepted the
            // message but before the transition is stored, the job is claimed again (same Message-ID).
            var started = time.GetTimestamp();
            var jobs = await queue.ClaimAsync(new ClaimRequest(_owner, max, lowestPriority, time.GetUtcNow(), leaseDuration), stopping);
            metrics.Claimed(name, time.GetElapsedTime(started));
            return jobs;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return [];
        }
        catch (Exception e)
        {
            LogClaimFailed(logger, e, name);
            await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            return [];
        }
    }

    private async Task WaitForWorkAsync(Task wake, CancellationToken stopping)
    {
        var delay = idlePoll;
        try
        {
            var due = await queue.NextDueAtAsync(lowestPriority, stopping);
            if (due is { } at)
            {
                var until = at - time.GetUtcNow();
                delay = until < delay ? until : delay;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // The store is unreachable (PostgreSQL restarting, a disk error): wait as if idle and ask again. This escaped
            // once and stopped the host when PostgreSQL was stopped; a worker never dies from one failed read.
            LogNextDueFailed(logger, e, name);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.WhenAny(wake, Task.Delay(delay, time, stopping)).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(DeliveryJob job, CancellationToken stopping)
    {
        await Task.Yield();
        using var activity = HeraldTelemetry.Source.StartActivity("herald.attempt");
        activity?.SetTag("herald.message.id", job.Message.Id);
        activity?.SetTag("herald.message.type", job.Message.Type);
        activity?.SetTag("herald.attempt", job.Attempt);
        var started = time.GetTimestamp();
        AttemptResult result;
        try
        {
            result = await pipeline.ProcessAsync(job, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // shutting down: the lease expires or RecoverAsync releases it at the next start
        }
        catch (Exception e)
        {
            // A bug or broken infrastructure for this one message: record it and retry later; the lane goes on.
            LogAttemptCrashed(logger, e, job.Message.Id);
            var now = time.GetUtcNow();
            var outcome = OutcomePolicy.Decide(
                new SmtpSendResult.TransportFailure(TransportFailureKind.ProtocolError, $"internal error: {e.GetType().Name}: {e.Message}", null, TimeSpan.Zero),
                job.Attempt, now, job.Message.ExpiresAt, 0.5);
            result = DeliveryPipeline.Final(job, outcome, now, attempted: true);
        }

        var status = result.Outcome.Status.ToWire();
        var took = time.GetElapsedTime(started);
        metrics.Attempt(job.Message.Priority, status, took);
        activity?.SetTag("herald.outcome", status);
        Completion stored;
        try
        {
            var storing = time.GetTimestamp();
            stored = await CompleteAsync(job, result.Transition, stopping);
            metrics.Committed(status, time.GetElapsedTime(storing));
            if (!stored.Applied)
            {
                LogLeaseLost(logger, job.Message.Id);
                return;
            }

            OutcomeLog.Write(logger, job.Message, result.Outcome, took);
        }
        catch (Exception e)
        {
            LogCompleteFailed(logger, e, job.Message.Id);
            return;
        }

        foreach (var observer in observers)
        {
            try
            {
                await observer.OnOutcomeAsync(job.Message, result.Outcome, stored.Address, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogObserverFailed(logger, e, observer.GetType().Name, job.Message.Id);
            }
        }
    }

    /// <summary>
    /// Stores the outcome; while the store is unavailable (PostgreSQL restarting, a disk error), tries again every
    /// second until the lease expires. The attempt already happened: giving up at the first failure left the message
    /// leased until expiry and then sent it a second time (found by stopping PostgreSQL mid-run). Storing is a
    /// compare-and-set on the lease, so a retry after another claimer took the message changes nothing.
    /// </summary>
    private async Task<Completion> CompleteAsync(DeliveryJob job, JobTransition transition, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                return await queue.CompleteAsync(job, transition, CancellationToken.None);
            }
            catch (StorageFaultException e) when (!stopping.IsCancellationRequested && time.GetUtcNow() + RetryStoreEvery < job.LeaseExpiresAt)
            {
                LogCompleteRetry(logger, e.Message, job.Message.Id);
                await Task.Delay(RetryStoreEvery, time, CancellationToken.None);
            }
        }
    }

    private static readonly TimeSpan RetryStoreEvery = TimeSpan.FromSeconds(1);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Could not store the outcome for {MessageId} yet ({Reason}); trying again")]
    private static partial void LogCompleteRetry(ILogger logger, string reason, string messageId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Lane {Lane} could not claim jobs")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, string lane);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Lane {Lane} could not read when the next job is due; it waits and asks again")]
    private static partial void LogNextDueFailed(ILogger logger, Exception exception, string lane);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Attempt for {MessageId} crashed; it will be retried")]
    private static partial void LogAttemptCrashed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Lease on {MessageId} was lost before its outcome was stored; the newer claim wins")]
    private static partial void LogLeaseLost(ILogger logger, string messageId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Outcome observer {Observer} failed for {MessageId}; the message itself is recorded")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, string messageId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Could not store the outcome for {MessageId}; its lease will expire and it will be retried")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, string messageId);
}
