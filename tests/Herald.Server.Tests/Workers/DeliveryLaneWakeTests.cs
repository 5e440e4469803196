using Herald.Core.Delivery;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Configuration;
using Herald.Server.Telemetry;
using Herald.Server.Tests.Support;
using Herald.Server.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Server.Tests.Workers;

/// <summary>
/// A delivery lane and its wake-ups (a message enqueued while the lane is claiming; only for the priorities it takes): a
/// real Herald (its API and store, no delivery role of its own) and a lane built from its services, relaying to a
/// scripted SMTP server on 127.0.0.1.
/// </summary>
public sealed class DeliveryLaneWakeTests
{
    [Fact]
    public async Task A_message_enqueued_while_the_lane_claims_is_taken_without_waiting_for_the_attempt_in_flight()
    {
        // The SMTP server holds the end of the first message's DATA: its attempt stays in flight until the test host's
        // SMTP timeout (3 s) ends it.
        await using var herald = await ScriptedHerald.StartAsync(
            (recipient, verb, _) => recipient == "slow@example.com" && verb == "." ? new ServerAction.Delay(TimeSpan.FromSeconds(30)) : null,
            settings: new() { [NodeRoles.Setting] = "api" });
        var services = herald.Host.Services;
        var slow = (await herald.Host.SendAsync(Alert("slow@example.com"))).GetProperty("id").GetString()!;
        var sent = new TaskCompletionSource<string>();
        var queue = new ObservedQueue(services.GetRequiredService<IDeliveryQueue>(),
            async () => sent.SetResult((await herald.Host.SendAsync(Alert("fast@example.com"))).GetProperty("id").GetString()!));
        var lane = new DeliveryLane("general", Priority.Bulk, concurrency: 4, queue, services.GetRequiredService<DeliveryPipeline>(), [],
            services.GetRequiredService<QueueSignal>(), TimeProvider.System, leaseDuration: TimeSpan.FromMinutes(5), idlePoll: TimeSpan.FromMinutes(1),
            services.GetRequiredService<HeraldMetrics>(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = lane.RunAsync(stop.Token);

        // The first claim took the slow message only; the fast one, enqueued during it, woke the lane: it is claimed
        // and delivered while the slow one's attempt still waits, instead of after that attempt ends or at the idle
        // poll (1 min). Before the fix the lane lost this wake-up and the slow attempt had ended first.
        var fast = await sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await herald.Host.WaitForStatusAsync(fast, "delivered", TimeSpan.FromSeconds(10));
        (await herald.Host.Store.GetAsync(slow, CancellationToken.None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Queued, "its attempt is still in flight");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_critical_lane_sleeps_through_other_mail_and_wakes_for_a_sign_in_code()
    {
        await using var herald = await ScriptedHerald.StartAsync((_, _, _) => null, settings: new() { [NodeRoles.Setting] = "api" });
        var services = herald.Host.Services;
        var queue = new ObservedQueue(services.GetRequiredService<IDeliveryQueue>());
        // Idle poll of a minute: only a wake-up gets the code out within the test's seconds.
        var lane = new DeliveryLane("critical", Priority.Critical, concurrency: 2, queue, services.GetRequiredService<DeliveryPipeline>(), [],
            services.GetRequiredService<QueueSignal>(), TimeProvider.System, leaseDuration: TimeSpan.FromMinutes(5), idlePoll: TimeSpan.FromMinutes(1),
            services.GetRequiredService<HeraldMetrics>(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = lane.RunAsync(stop.Token);
        // Its first claim found nothing, and it asked when the next job is due: it now waits for a wake-up.
        await WaitForAsync(() => queue.NextDueReads == 1);

        for (var i = 0; i < 5; i++)
        {
            await herald.Host.SendAsync(Alert($"alert{i}@example.com"));
        }

        // Normal-priority alerts are not its to claim: before, each woke it into a claim that found nothing.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        queue.Claims.ShouldBe(1);

        var code = (await herald.Host.SendAsync(new { type = "magic-code", to = "ana@example.com", data = new { code = "123456" } }))
            .GetProperty("id").GetString()!;
        await herald.Host.WaitForStatusAsync(code, "delivered", TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the lane did not settle within 10 s");
            await Task.Delay(10);
        }
    }

    private static object Alert(string to) => new { type = "integration-alert", to, data = new { integration = "a", problem = "b" } };

    /// <summary>
    /// The store's queue, counting the claims and the next-due reads made through it; with <c>duringFirstClaim</c>, sending
    /// one more message through the API during its first claim (after reading, before answering).
    /// </summary>
    private sealed class ObservedQueue(IDeliveryQueue inner, Func<Task>? duringFirstClaim = null) : IDeliveryQueue
    {
        private int _claims;
        private int _nextDueReads;

        public int Claims => Volatile.Read(ref _claims);

        public int NextDueReads => Volatile.Read(ref _nextDueReads);

        public async Task<IReadOnlyList<DeliveryJob>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
        {
            var jobs = await inner.ClaimAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _claims) == 1 && duringFirstClaim is not null)
            {
                await duringFirstClaim();
            }

            return jobs;
        }

        public Task<EnqueueResult> EnqueueAsync(NewMessage message, DeliveryEvent accepted, DateTimeOffset idempotencySince, CancellationToken cancellationToken) =>
            inner.EnqueueAsync(message, accepted, idempotencySince, cancellationToken);

        public Task<IReadOnlyList<EnqueueResult>> EnqueueBatchAsync(IReadOnlyList<EnqueueItem> items, DateTimeOffset idempotencySince, CancellationToken cancellationToken) =>
            inner.EnqueueBatchAsync(items, idempotencySince, cancellationToken);

        public Task<Completion> CompleteAsync(DeliveryJob job, JobTransition transition, CancellationToken cancellationToken) =>
            inner.CompleteAsync(job, transition, cancellationToken);

        public Task<DateTimeOffset?> NextDueAtAsync(Priority lowestPriority, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _nextDueReads);
            return inner.NextDueAtAsync(lowestPriority, cancellationToken);
        }

        public Task<IReadOnlyList<QueueDepth>> DepthAsync(CancellationToken cancellationToken) => inner.DepthAsync(cancellationToken);

        public Task<int> RecoverAsync(CancellationToken cancellationToken) => inner.RecoverAsync(cancellationToken);
    }
}
