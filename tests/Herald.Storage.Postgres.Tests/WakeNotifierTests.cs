using Herald.Core.Messages;
using Herald.Core.Queue;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// The wake-up after a commit (WakeNotifier): a ring while a NOTIFY is in flight gets one more NOTIFY after it (so no
/// commit goes unannounced), however many rang, for the most urgent priority among them; a NOTIFY that fails does not
/// stop the next ring's.
/// </summary>
public sealed class WakeNotifierTests
{
    [Fact]
    public async Task Rings_during_a_notify_are_answered_by_one_more_notify_after_it()
    {
        var sends = new List<TaskCompletionSource>();
        var priorities = new List<Priority>();
        var notifier = new WakeNotifier(priority =>
        {
            var send = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (sends)
            {
                sends.Add(send);
                priorities.Add(priority);
            }

            return send.Task;
        });

        notifier.Ring(Priority.Bulk);
        Count(sends).ShouldBe(1);
        notifier.Ring(Priority.Normal);
        notifier.Ring(Priority.Critical);
        notifier.Ring(Priority.Bulk);
        Count(sends).ShouldBe(1);

        sends[0].SetResult();
        await WaitForAsync(() => Count(sends) == 2);
        sends[1].SetResult();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Count(sends).ShouldBe(2);

        // Idle again: the next ring sends, for its own priority.
        notifier.Ring(Priority.Normal);
        await WaitForAsync(() => Count(sends) == 3);
        sends[2].SetResult();
        lock (sends)
        {
            priorities.ShouldBe([Priority.Bulk, Priority.Critical, Priority.Normal]);
        }
    }

    [Fact]
    public async Task A_notify_that_fails_does_not_stop_the_next()
    {
        var calls = 0;
        var notifier = new WakeNotifier(_ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromException(new StorageFaultException("the database cannot be reached", transient: true, innerException: null));
        });

        notifier.Ring(Priority.Bulk);
        await WaitForAsync(() => Volatile.Read(ref calls) == 1);
        notifier.Ring(Priority.Bulk);
        await WaitForAsync(() => Volatile.Read(ref calls) == 2);
    }

    private static int Count(List<TaskCompletionSource> sends)
    {
        lock (sends)
        {
            return sends.Count;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }
}
