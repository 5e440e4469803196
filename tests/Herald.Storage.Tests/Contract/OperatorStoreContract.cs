using Herald.Core.Access;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every stored <see cref="IOperatorStore"/> must do: one account per name, hashes only, kept across restarts.</summary>
[ContractFor(typeof(IOperatorStore))]
public abstract class OperatorStoreContract : StoreContract
{
    [Fact]
    [Covers(nameof(IOperatorStore.AddAsync), nameof(IOperatorStore.FindAsync))]
    public async Task An_operator_is_added_once_and_found_by_its_exact_name_after_a_restart()
    {
        (await Operators.AddAsync(new OperatorAccount("ana", "hash-1", T0), None)).ShouldBeTrue();
        (await Operators.AddAsync(new OperatorAccount("ana", "hash-2", T0.AddMinutes(1)), None)).ShouldBeFalse();

        await ReopenAsync();

        var found = (await Operators.FindAsync("ana", None)).ShouldNotBeNull();
        found.PasswordHash.ShouldBe("hash-1");
        found.CreatedAt.ShouldBe(T0);
        (await Operators.FindAsync("Ana", None)).ShouldBeNull();
        (await Operators.FindAsync("bob", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IOperatorStore.SetPasswordAsync))]
    public async Task A_password_hash_is_replaced_only_for_an_operator_that_exists()
    {
        await Operators.AddAsync(new OperatorAccount("ana", "hash-1", T0), None);

        (await Operators.SetPasswordAsync("ana", "hash-2", None)).ShouldBeTrue();
        (await Operators.SetPasswordAsync("bob", "hash-3", None)).ShouldBeFalse();

        (await Operators.FindAsync("ana", None)).ShouldNotBeNull().PasswordHash.ShouldBe("hash-2");
        (await Operators.FindAsync("bob", None)).ShouldBeNull();
    }
}
