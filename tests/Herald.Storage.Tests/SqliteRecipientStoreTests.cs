using Herald.Core.Recipients;
using Herald.Storage.Sqlite;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

public sealed class SqliteRecipientStoreTests : SqliteStoreTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    private SqliteRecipientStore Recipients => new(Database.Current!);

    [Fact]
    public async Task A_recipient_gets_its_first_address_as_primary_and_an_address_belongs_to_one_recipient()
    {
        var created = (await Recipients.CreateAsync("u1", ["Ana@example.com", "ana2@example.com"], T0, None)).ShouldBeOfType<RecipientChange.Done>();
        created.Recipient.Primary!.Address.ShouldBe("Ana@example.com");
        created.Recipient.Addresses.Count.ShouldBe(2);

        (await Recipients.CreateAsync("u2", ["ana@EXAMPLE.com"], T0, None)).ShouldBeOfType<RecipientChange.Conflict>();
        (await Recipients.AddAddressAsync("u2", "x@example.com", false, T0, None)).ShouldBeOfType<RecipientChange.NoRecipient>();
        (await Recipients.FindByAddressAsync("ANA2@example.com", None))!.Id.ShouldBe("u1");
    }

    [Fact]
    public async Task The_primary_cannot_be_removed_until_another_address_is_primary()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);
        (await Recipients.RemoveAddressAsync("u1", "a@example.com", None)).ShouldBeOfType<RecipientChange.Conflict>();
        (await Recipients.MakePrimaryAsync("u1", "b@example.com", None)).ShouldBeOfType<RecipientChange.Done>().Recipient.Primary!.Address.ShouldBe("b@example.com");
        var after = (await Recipients.RemoveAddressAsync("u1", "a@example.com", None)).ShouldBeOfType<RecipientChange.Done>();
        after.Recipient.Addresses.ShouldHaveSingleItem().Address.ShouldBe("b@example.com");
    }

    [Fact]
    public async Task A_token_works_once_and_a_newer_one_replaces_it()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "old", null, T0.AddHours(24), T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "new", null, T0.AddHours(24), T0, None);

        (await Recipients.RedeemTokenAsync("old", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.RedeemTokenAsync("new", T0.AddMinutes(1), None)).ShouldBeOfType<VerificationRedemption.Verified>().Address.ShouldBe("a@example.com");
        (await Recipients.RedeemTokenAsync("new", T0.AddMinutes(2), None)).ShouldBeOfType<VerificationRedemption.Refused>();
        var address = (await Recipients.GetAsync("u1", None))!.Addresses.Single();
        address.VerifiedAt.ShouldBe(T0.AddMinutes(1));
        address.VerifiedBy.ShouldBe("link");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "t", null, T0.AddHours(24), T0, None);
        (await Recipients.RedeemTokenAsync("t", T0.AddHours(24), None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.GetAsync("u1", None))!.Addresses.Single().VerifiedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Five_wrong_codes_spend_the_token()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "t", "right", T0.AddHours(24), T0, None);
        for (var i = 0; i < VerificationWrites.MaxCodeFailures; i++)
        {
            (await Recipients.RedeemCodeAsync("u1", "a@example.com", "wrong", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        }

        (await Recipients.RedeemCodeAsync("u1", "a@example.com", "right", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
    }

    [Fact]
    public async Task Verification_requests_are_counted_per_address_within_the_window()
    {
        var window = TimeSpan.FromHours(1);
        for (var i = 0; i < 3; i++)
        {
            (await Recipients.TryCountVerificationRequestAsync("A@example.com", T0.AddMinutes(i), window, 3, None)).ShouldBeTrue();
        }

        (await Recipients.TryCountVerificationRequestAsync("a@example.com", T0.AddMinutes(10), window, 3, None)).ShouldBeFalse();
        (await Recipients.TryCountVerificationRequestAsync("b@example.com", T0.AddMinutes(10), window, 3, None)).ShouldBeTrue();
        (await Recipients.TryCountVerificationRequestAsync("a@example.com", T0.AddMinutes(61), window, 3, None)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_preference_is_upserted_and_needs_a_recipient()
    {
        (await Recipients.SetPreferenceAsync("nobody", new Preference("news", false, T0, "api"), None)).ShouldBeFalse();
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.SetPreferenceAsync("u1", new Preference("news", false, T0, "api"), None);
        await Recipients.SetPreferenceAsync("u1", new Preference("news", true, T0.AddHours(1), "one-click"), None);
        (await Recipients.GetPreferencesAsync("u1", None)).ShouldHaveSingleItem().ShouldBe(new Preference("news", true, T0.AddHours(1), "one-click"));
    }
}
