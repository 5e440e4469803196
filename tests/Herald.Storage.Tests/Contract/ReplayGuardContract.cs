using Herald.Core.Inbound;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every stored <see cref="IReplayGuard"/> must do: accept each provider event id once, across restarts.</summary>
[ContractFor(typeof(IReplayGuard))]
public abstract class ReplayGuardContract : StoreContract
{
    [Fact]
    [Covers(nameof(IReplayGuard.TryRememberAsync))]
    public async Task An_id_is_accepted_once_per_provider()
    {
        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None)).ShouldBeTrue();
        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None)).ShouldBeFalse();
        (await ReplayGuard.TryRememberAsync("mailgun", "evt-1", T0.AddDays(7), None)).ShouldBeTrue();
        (await ReplayGuard.TryRememberAsync("ses", "evt-2", T0.AddDays(7), None)).ShouldBeTrue();
    }

    [Fact]
    [Covers(nameof(IReplayGuard.TryRememberAsync))]
    public async Task A_remembered_id_is_still_remembered_after_a_restart()
    {
        await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None);

        await ReopenAsync();

        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None)).ShouldBeFalse();
    }

    [Fact]
    [Covers(nameof(IReplayGuard.TryRememberAsync))]
    public async Task An_id_is_accepted_again_once_it_has_expired_and_then_remembered_anew()
    {
        await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None);

        Clock.SetUtcNow(T0.AddDays(7).AddMilliseconds(-1));
        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(14), None)).ShouldBeFalse();
        Clock.SetUtcNow(T0.AddDays(7));
        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(14), None)).ShouldBeTrue();
        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(14), None)).ShouldBeFalse();
    }

    [Fact]
    [Covers(nameof(IReplayGuard.TryRememberAsync))]
    public async Task Of_many_concurrent_attempts_on_two_nodes_exactly_one_remembers_an_id()
    {
        var other = await OpenNodeAsync("node-b");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? ReplayGuard : other.ReplayGuard).TryRememberAsync("ses", "evt-1", T0.AddDays(7), None).AsTask()));

        results.Count(accepted => accepted).ShouldBe(1);
    }

    [Fact]
    [Covers(nameof(IReplayGuard.ForgetAsync))]
    public async Task A_forgotten_id_is_accepted_again_and_only_that_one()
    {
        await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None);
        await ReplayGuard.TryRememberAsync("ses", "evt-2", T0.AddDays(7), None);
        await ReplayGuard.TryRememberAsync("mailgun", "evt-1", T0.AddDays(7), None);

        await ReplayGuard.ForgetAsync("ses", "evt-1", None);
        await ReplayGuard.ForgetAsync("ses", "never-seen", None);

        (await ReplayGuard.TryRememberAsync("ses", "evt-1", T0.AddDays(7), None)).ShouldBeTrue();
        (await ReplayGuard.TryRememberAsync("ses", "evt-2", T0.AddDays(7), None)).ShouldBeFalse();
        (await ReplayGuard.TryRememberAsync("mailgun", "evt-1", T0.AddDays(7), None)).ShouldBeFalse();
    }
}
