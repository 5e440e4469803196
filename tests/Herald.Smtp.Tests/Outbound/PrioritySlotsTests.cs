using Herald.Smtp.Outbound;

namespace Herald.Smtp.Tests.Outbound;

public sealed class PrioritySlotsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Free_slots_are_taken_at_once_and_the_next_caller_waits()
    {
        using var slots = new PrioritySlots(2);

        await slots.WaitAsync(urgent: false, None);
        await slots.WaitAsync(urgent: false, None);
        var third = slots.WaitAsync(urgent: false, None);

        third.IsCompleted.ShouldBeFalse();
        slots.Release();
        await third.WaitAsync(TimeSpan.FromSeconds(5), None);
    }

    [Fact]
    public async Task An_urgent_caller_gets_the_next_slot_before_others_that_waited_longer()
    {
        using var slots = new PrioritySlots(1);
        await slots.WaitAsync(urgent: false, None);
        var bulk1 = slots.WaitAsync(urgent: false, None);
        var bulk2 = slots.WaitAsync(urgent: false, None);
        var critical = slots.WaitAsync(urgent: true, None);

        slots.Release();
        await critical.WaitAsync(TimeSpan.FromSeconds(5), None);
        bulk1.IsCompleted.ShouldBeFalse();
        bulk2.IsCompleted.ShouldBeFalse();

        slots.Release();
        await bulk1.WaitAsync(TimeSpan.FromSeconds(5), None);
        bulk2.IsCompleted.ShouldBeFalse("the others keep their order");
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_no_slot_is_lost()
    {
        using var slots = new PrioritySlots(1);
        await slots.WaitAsync(urgent: false, None);
        using var cts = new CancellationTokenSource();
        var cancelled = slots.WaitAsync(urgent: true, cts.Token);
        var next = slots.WaitAsync(urgent: false, None);

        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(cancelled);
        slots.Release();

        await next.WaitAsync(TimeSpan.FromSeconds(5), None);
        slots.Release();
        slots.WaitAsync(urgent: false, None).IsCompletedSuccessfully.ShouldBeTrue("the slot released after the cancellation is free again");
    }
}
