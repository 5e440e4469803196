using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every store's <see cref="IStoreHealth"/> must do while its disk takes writes (a full disk: FullDiskTests).</summary>
[ContractFor(typeof(IStoreHealth))]
public abstract class StoreHealthContract : StoreContract
{
    [Fact]
    [Covers(nameof(IStoreHealth.LastFault), nameof(IStoreHealth.ProbeAsync))]
    public async Task A_healthy_store_reports_no_fault_and_a_probe_commits_without_changing_what_is_stored()
    {
        Health.LastFault().ShouldBeNull();
        await Queue.EnqueueAsync(New("msg_1"), Accepted(New("msg_1")), T0, None);

        (await Health.ProbeAsync(None)).ShouldBeNull();
        (await Health.ProbeAsync(None)).ShouldBeNull();

        Health.LastFault().ShouldBeNull();
        (await Store.GetAsync("msg_1", None)).ShouldNotBeNull().Status.ShouldBe(Herald.Core.Messages.MessageStatus.Queued);
    }

    [Fact]
    [Covers(nameof(IStoreHealth.ProbeAsync))]
    public async Task A_probe_commits_after_a_restart_too()
    {
        await ReopenAsync();

        (await Health.ProbeAsync(None)).ShouldBeNull();
    }
}
