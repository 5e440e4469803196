using Herald.Core.Messages;
using Herald.Server.Workers;

namespace Herald.Server.Tests.Workers;

/// <summary>The in-process wake-up of the delivery lanes: each lane waits for the priorities it takes, and only for those.</summary>
public sealed class QueueSignalTests
{
    [Fact]
    public void A_bulk_or_normal_message_wakes_the_general_lane_and_not_the_critical_one()
    {
        var signal = new QueueSignal();
        var critical = signal.WaitAsync(Priority.Critical);
        var general = signal.WaitAsync(Priority.Bulk);

        signal.Wake(Priority.Normal);
        general.IsCompleted.ShouldBeTrue();
        critical.IsCompleted.ShouldBeFalse();

        signal.Wake(Priority.Bulk);
        critical.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public void A_critical_message_wakes_every_lane()
    {
        var signal = new QueueSignal();
        var critical = signal.WaitAsync(Priority.Critical);
        var normal = signal.WaitAsync(Priority.Normal);
        var general = signal.WaitAsync(Priority.Bulk);

        signal.Wake(Priority.Critical);

        critical.IsCompleted.ShouldBeTrue();
        normal.IsCompleted.ShouldBeTrue();
        general.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public void A_wake_up_is_for_those_waiting_then_and_the_next_wait_waits_for_the_next()
    {
        var signal = new QueueSignal();
        var before = signal.WaitAsync(Priority.Bulk);

        signal.Wake(Priority.Bulk);
        var after = signal.WaitAsync(Priority.Bulk);

        before.IsCompleted.ShouldBeTrue();
        after.IsCompleted.ShouldBeFalse();
    }
}
