using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

public sealed class SqliteClockTests : SqliteStoreTest
{
    [Fact]
    public async Task A_transition_without_events_is_stamped_with_the_store_clock()
    {
        var store = Database.Current!;
        await store.EnqueueAsync(New("msg_1"));
        var job = (await store.ClaimAsync(T0.AddMinutes(1))).Single();
        Database.Clock.SetUtcNow(T0.AddHours(3));

        (await store.CompleteAsync(job, new JobTransition(MessageStatus.Expired, null, [], true), CancellationToken.None)).Applied.ShouldBeTrue();

        var stored = await store.GetAsync("msg_1", CancellationToken.None);
        stored!.UpdatedAt.ShouldBe(T0.AddHours(3));
        stored.Status.ShouldBe(MessageStatus.Expired);
    }
}
