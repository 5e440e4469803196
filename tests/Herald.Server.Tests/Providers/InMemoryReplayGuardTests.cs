using Herald.Server.Providers;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Providers;

public sealed class InMemoryReplayGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_id_is_accepted_once_until_it_expires()
    {
        var guard = new InMemoryReplayGuard(_time);
        var expires = _time.GetUtcNow().AddMinutes(10);

        (await guard.TryRememberAsync("ses", "id-1", expires, default)).ShouldBeTrue();
        (await guard.TryRememberAsync("ses", "id-1", expires, default)).ShouldBeFalse();
        (await guard.TryRememberAsync("mailgun", "id-1", expires, default)).ShouldBeTrue();

        _time.Advance(TimeSpan.FromMinutes(11));
        (await guard.TryRememberAsync("ses", "id-1", expires.AddMinutes(20), default)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_forgotten_id_can_be_claimed_again()
    {
        var guard = new InMemoryReplayGuard(_time);
        var expires = _time.GetUtcNow().AddMinutes(10);
        await guard.TryRememberAsync("ses", "id-2", expires, default);

        await guard.ForgetAsync("ses", "id-2", default);

        (await guard.TryRememberAsync("ses", "id-2", expires, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_claims_of_one_id_let_exactly_one_through()
    {
        var guard = new InMemoryReplayGuard(_time);
        var expires = _time.GetUtcNow().AddMinutes(10);

        var results = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(_ => Task.Run(async () => await guard.TryRememberAsync("ses", "id-3", expires, default))));

        results.Count(r => r).ShouldBe(1);
    }
}
