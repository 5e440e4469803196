using Herald.Core.Messages;

namespace Herald.Core.Tests.Messages;

/// <summary>
/// The door of the intake: requests below critical priority take one of a fixed number of places and the next ones wait
/// for one, first come first served; a request for critical messages never waits.
/// </summary>
public sealed class IntakeAdmissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_critical_request_goes_in_while_requests_below_critical_wait_for_a_place()
    {
        using var admission = new IntakeAdmission(1);
        var first = await admission.EnterAsync(critical: false, Ct);
        var second = admission.EnterAsync(critical: false, Ct).AsTask();
        await Task.Delay(50, Ct);
        second.IsCompleted.ShouldBeFalse();

        using (await admission.EnterAsync(critical: true, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct))
        {
        }

        second.IsCompleted.ShouldBeFalse();
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task Waiting_requests_go_in_in_the_order_they_came()
    {
        using var admission = new IntakeAdmission(1);
        var holding = await admission.EnterAsync(critical: false, Ct);
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 5).Select(i => Enter(i)).ToList();

        holding.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        order.ShouldBe([1, 2, 3, 4, 5]);

        async Task Enter(int i)
        {
            using var slot = await admission.EnterAsync(critical: false, Ct);
            lock (order)
            {
                order.Add(i);
            }

            await Task.Yield();
        }
    }

    [Fact]
    public async Task A_place_given_back_twice_counts_once()
    {
        using var admission = new IntakeAdmission(1);
        var slot = await admission.EnterAsync(critical: false, Ct);
        slot.Dispose();
        slot.Dispose();

        var again = await admission.EnterAsync(critical: false, Ct);
        var next = admission.EnterAsync(critical: false, Ct).AsTask();
        await Task.Delay(50, Ct);
        next.IsCompleted.ShouldBeFalse();
        again.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task Zero_places_means_no_limit()
    {
        using var admission = new IntakeAdmission(0);
        var slots = new List<IntakeSlot>();
        for (var i = 0; i < 100; i++)
        {
            slots.Add(await admission.EnterAsync(critical: false, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
        }

        slots.ForEach(s => s.Dispose());
    }
}
