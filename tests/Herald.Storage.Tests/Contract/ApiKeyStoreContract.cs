using Herald.Core.Access;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every stored <see cref="IApiKeyStore"/> must do: keep keys by id, hashes only, revocations for good.</summary>
[ContractFor(typeof(IApiKeyStore))]
public abstract class ApiKeyStoreContract : StoreContract
{
    private static StoredApiKey Key(string id, string name, DateTimeOffset at, params string[] scopes) =>
        new(new ApiKey(id, name, scopes, at, null), $"hash-of-{id}");

    [Fact]
    [Covers(nameof(IApiKeyStore.FindAsync))]
    public async Task A_key_is_found_by_its_id_with_its_scopes_and_hash()
    {
        await ApiKeys.AddAsync(Key("k1", "web-app", T0, Scopes.Send, Scopes.Read), None);

        var found = (await ApiKeys.FindAsync("k1", None)).ShouldNotBeNull();
        found.Key.Name.ShouldBe("web-app");
        found.Key.Scopes.ShouldBe([Scopes.Send, Scopes.Read]);
        found.Key.CreatedAt.ShouldBe(T0);
        found.Key.RevokedAt.ShouldBeNull();
        found.SecretHash.ShouldBe("hash-of-k1");
        (await ApiKeys.FindAsync("K1", None)).ShouldBeNull();
        (await ApiKeys.FindAsync("nope", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IApiKeyStore.AddAsync))]
    public async Task A_key_survives_a_restart_and_is_seen_by_another_node()
    {
        await ApiKeys.AddAsync(Key("k1", "web-app", T0, Scopes.Send), None);
        var other = await OpenNodeAsync("node-b");
        (await other.ApiKeys.FindAsync("k1", None)).ShouldNotBeNull();

        await ReopenAsync();

        (await ApiKeys.FindAsync("k1", None)).ShouldNotBeNull();
    }

    [Fact]
    [Covers(nameof(IApiKeyStore.ListAsync))]
    public async Task Keys_are_listed_oldest_first_revoked_ones_included()
    {
        await ApiKeys.AddAsync(Key("k2", "second", T0.AddMinutes(1), Scopes.Read), None);
        await ApiKeys.AddAsync(Key("k1", "first", T0, Scopes.Admin), None);
        await ApiKeys.RevokeAsync("k1", T0.AddHours(1), None);

        var keys = await ApiKeys.ListAsync(None);

        keys.Select(k => k.Name).ShouldBe(["first", "second"]);
        keys[0].RevokedAt.ShouldBe(T0.AddHours(1));
        keys[1].RevokedAt.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IApiKeyStore.RevokeAsync))]
    public async Task A_key_is_revoked_once_and_stays_revoked()
    {
        await ApiKeys.AddAsync(Key("k1", "web-app", T0, Scopes.Send), None);

        (await ApiKeys.RevokeAsync("k1", T0.AddHours(1), None)).ShouldBeTrue();
        (await ApiKeys.RevokeAsync("k1", T0.AddHours(2), None)).ShouldBeFalse();
        (await ApiKeys.RevokeAsync("unknown", T0, None)).ShouldBeFalse();

        var found = (await ApiKeys.FindAsync("k1", None)).ShouldNotBeNull();
        found.Key.RevokedAt.ShouldBe(T0.AddHours(1));
        found.Key.IsActive.ShouldBeFalse();
    }
}
