using Herald.Core.Recipients;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IRecipientStore"/> must do with recipients, their addresses and preferences.</summary>
[ContractFor(typeof(IRecipientStore))]
public abstract class RecipientStoreContract : StoreContract
{
    [Fact]
    [Covers(nameof(IRecipientStore.CreateAsync), nameof(IRecipientStore.GetAsync))]
    public async Task A_new_recipient_has_its_first_address_as_primary_and_reads_back_as_created()
    {
        var done = (await Recipients.CreateAsync("u1", ["Ana@Example.com", "ana2@example.com"], T0, None)).ShouldBeOfType<RecipientChange.Done>();

        ContactAddress[] expected = [new("Ana@Example.com", true, T0, null, null), new("ana2@example.com", false, T0, null, null)];
        done.Recipient.Id.ShouldBe("u1");
        done.Recipient.CreatedAt.ShouldBe(T0);
        done.Recipient.Addresses.ShouldBe(expected, ignoreOrder: true);
        done.Recipient.Addresses[0].IsPrimary.ShouldBeTrue("the primary address comes first");
        var read = (await Recipients.GetAsync("u1", None)).ShouldNotBeNull();
        read.CreatedAt.ShouldBe(T0);
        read.Addresses.ShouldBe(done.Recipient.Addresses);
    }

    [Fact]
    [Covers(nameof(IRecipientStore.CreateAsync))]
    public async Task Creating_a_taken_id_is_a_conflict_and_changes_nothing()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);

        (await Recipients.CreateAsync("u1", ["b@example.com"], T0.AddMinutes(1), None)).ShouldBeOfType<RecipientChange.Conflict>();

        (await Recipients.GetAsync("u1", None))!.Addresses.ShouldHaveSingleItem().Address.ShouldBe("a@example.com");
        (await Recipients.FindByAddressAsync("b@example.com", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.CreateAsync))]
    public async Task Creating_with_an_address_of_another_recipient_in_any_case_creates_nothing()
    {
        await Recipients.CreateAsync("u1", ["ana@example.com"], T0, None);

        (await Recipients.CreateAsync("u2", ["new@example.com", "ANA@example.COM"], T0, None)).ShouldBeOfType<RecipientChange.Conflict>();

        (await Recipients.GetAsync("u2", None)).ShouldBeNull();
        (await Recipients.FindByAddressAsync("new@example.com", None)).ShouldBeNull();
        (await Recipients.FindByAddressAsync("ana@example.com", None))!.Id.ShouldBe("u1");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.CreateAsync))]
    public async Task One_address_given_twice_in_other_case_is_stored_once()
    {
        var done = (await Recipients.CreateAsync("u1", ["ana@example.com", "ANA@example.com"], T0, None)).ShouldBeOfType<RecipientChange.Done>();

        done.Recipient.Addresses.ShouldHaveSingleItem().Address.ShouldBe("ana@example.com");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.GetAsync), nameof(IRecipientStore.FindByAddressAsync))]
    public async Task Unknown_ids_and_addresses_read_back_as_null()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);

        (await Recipients.GetAsync("u2", None)).ShouldBeNull();
        (await Recipients.FindByAddressAsync("b@example.com", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.FindByAddressAsync))]
    public async Task The_owner_of_any_of_its_addresses_is_found_ignoring_case()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);
        await Recipients.CreateAsync("u2", ["c@example.com"], T0, None);

        var found = (await Recipients.FindByAddressAsync("B@EXAMPLE.com", None)).ShouldNotBeNull();

        found.Id.ShouldBe("u1");
        found.Addresses.Select(a => a.Address).ShouldBe(["a@example.com", "b@example.com"], ignoreOrder: true);
        // The same recipient as read by its id: its addresses in the same order, with the same details.
        found.Addresses.ShouldBe((await Recipients.GetAsync("u1", None))!.Addresses);
        found.CreatedAt.ShouldBe(T0);
        (await Recipients.FindByAddressAsync("c@example.com", None))!.Id.ShouldBe("u2");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.AddAddressAsync))]
    public async Task An_added_address_keeps_its_case_and_is_secondary_unless_asked_to_be_primary()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);

        var secondary = (await Recipients.AddAddressAsync("u1", "B@Example.com", false, T0.AddMinutes(1), None)).ShouldBeOfType<RecipientChange.Done>();
        secondary.Recipient.Primary!.Address.ShouldBe("a@example.com");
        secondary.Recipient.Find("b@example.com").ShouldBe(new ContactAddress("B@Example.com", false, T0.AddMinutes(1), null, null));

        var primary = (await Recipients.AddAddressAsync("u1", "c@example.com", true, T0.AddMinutes(2), None)).ShouldBeOfType<RecipientChange.Done>();
        primary.Recipient.Primary!.Address.ShouldBe("c@example.com");
        primary.Recipient.Addresses.Count(a => a.IsPrimary).ShouldBe(1);
        (await Recipients.FindByAddressAsync("c@example.com", None))!.Id.ShouldBe("u1");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.AddAddressAsync))]
    public async Task The_first_address_of_a_recipient_without_any_becomes_primary()
    {
        (await Recipients.CreateAsync("u1", [], T0, None)).ShouldBeOfType<RecipientChange.Done>().Recipient.Addresses.ShouldBeEmpty();

        var done = (await Recipients.AddAddressAsync("u1", "a@example.com", false, T0, None)).ShouldBeOfType<RecipientChange.Done>();

        done.Recipient.Primary!.Address.ShouldBe("a@example.com");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.AddAddressAsync))]
    public async Task Adding_an_address_the_recipient_has_adds_nothing_but_can_make_it_primary()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);

        var again = (await Recipients.AddAddressAsync("u1", "B@example.com", false, T0.AddMinutes(1), None)).ShouldBeOfType<RecipientChange.Done>();
        again.Recipient.Addresses.Count.ShouldBe(2);
        again.Recipient.Find("b@example.com")!.AddedAt.ShouldBe(T0);

        var promoted = (await Recipients.AddAddressAsync("u1", "b@example.com", true, T0.AddMinutes(2), None)).ShouldBeOfType<RecipientChange.Done>();
        promoted.Recipient.Addresses.Count.ShouldBe(2);
        promoted.Recipient.Primary!.Address.ShouldBe("b@example.com");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.AddAddressAsync))]
    public async Task Adding_another_recipients_address_is_a_conflict_and_adding_to_nobody_is_refused()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.CreateAsync("u2", ["b@example.com"], T0, None);

        (await Recipients.AddAddressAsync("u2", "A@example.com", false, T0, None)).ShouldBeOfType<RecipientChange.Conflict>();
        (await Recipients.AddAddressAsync("nobody", "c@example.com", false, T0, None)).ShouldBeOfType<RecipientChange.NoRecipient>();

        (await Recipients.FindByAddressAsync("a@example.com", None))!.Id.ShouldBe("u1");
        (await Recipients.GetAsync("u2", None))!.Addresses.ShouldHaveSingleItem();
        (await Recipients.FindByAddressAsync("c@example.com", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RemoveAddressAsync))]
    public async Task A_removed_secondary_address_is_gone_and_free_for_another_recipient()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);

        var done = (await Recipients.RemoveAddressAsync("u1", "B@example.com", None)).ShouldBeOfType<RecipientChange.Done>();

        done.Recipient.Addresses.ShouldHaveSingleItem().Address.ShouldBe("a@example.com");
        (await Recipients.FindByAddressAsync("b@example.com", None)).ShouldBeNull();
        (await Recipients.CreateAsync("u2", ["b@example.com"], T0, None)).ShouldBeOfType<RecipientChange.Done>();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RemoveAddressAsync), nameof(IRecipientStore.MakePrimaryAsync))]
    public async Task The_primary_cannot_be_removed_until_another_address_is_primary()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);

        (await Recipients.RemoveAddressAsync("u1", "a@example.com", None)).ShouldBeOfType<RecipientChange.Conflict>();
        (await Recipients.GetAsync("u1", None))!.Addresses.Count.ShouldBe(2);

        (await Recipients.MakePrimaryAsync("u1", "b@example.com", None)).ShouldBeOfType<RecipientChange.Done>();
        var after = (await Recipients.RemoveAddressAsync("u1", "a@example.com", None)).ShouldBeOfType<RecipientChange.Done>();
        after.Recipient.Addresses.ShouldHaveSingleItem().ShouldBe(new ContactAddress("b@example.com", true, T0, null, null));
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RemoveAddressAsync), nameof(IRecipientStore.MakePrimaryAsync))]
    public async Task Removing_or_promoting_an_address_the_recipient_does_not_have_is_refused()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.CreateAsync("u2", ["b@example.com"], T0, None);

        (await Recipients.RemoveAddressAsync("u1", "b@example.com", None)).ShouldBeOfType<RecipientChange.NoAddress>();
        (await Recipients.RemoveAddressAsync("nobody", "a@example.com", None)).ShouldBeOfType<RecipientChange.NoRecipient>();
        (await Recipients.MakePrimaryAsync("u1", "b@example.com", None)).ShouldBeOfType<RecipientChange.NoAddress>();
        (await Recipients.MakePrimaryAsync("nobody", "a@example.com", None)).ShouldBeOfType<RecipientChange.NoRecipient>();

        (await Recipients.FindByAddressAsync("b@example.com", None))!.Primary!.Address.ShouldBe("b@example.com");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.MakePrimaryAsync))]
    public async Task Making_an_address_primary_in_any_case_leaves_exactly_one_primary()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com", "c@example.com"], T0, None);

        var done = (await Recipients.MakePrimaryAsync("u1", "C@EXAMPLE.com", None)).ShouldBeOfType<RecipientChange.Done>();

        done.Recipient.Primary!.Address.ShouldBe("c@example.com");
        (await Recipients.GetAsync("u1", None))!.Addresses.Where(a => a.IsPrimary).ShouldHaveSingleItem().Address.ShouldBe("c@example.com");
    }

    [Fact]
    [Covers(nameof(IRecipientStore.MarkVerifiedAsync))]
    public async Task Marking_an_address_verified_records_the_first_time_and_who_and_spends_its_pending_token()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "token-a", null, T0.AddDays(1), T0, None);

        var done = (await Recipients.MarkVerifiedAsync("u1", "A@example.com", "application", T0.AddMinutes(1), None)).ShouldBeOfType<RecipientChange.Done>();
        await Recipients.MarkVerifiedAsync("u1", "a@example.com", "link", T0.AddMinutes(5), None);

        done.Recipient.Find("a@example.com")!.VerifiedAt.ShouldBe(T0.AddMinutes(1));
        var a = (await Recipients.GetAsync("u1", None))!.Find("a@example.com")!;
        (a.VerifiedAt, a.VerifiedBy).ShouldBe((T0.AddMinutes(1), "application"));
        (await Recipients.GetAsync("u1", None))!.Find("b@example.com")!.VerifiedAt.ShouldBeNull();
        (await Recipients.RedeemTokenAsync("token-a", T0.AddMinutes(2), None)).ShouldBeOfType<VerificationRedemption.Refused>();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.MarkVerifiedAsync))]
    public async Task Marking_an_address_of_nobody_or_of_someone_else_verified_is_refused()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.CreateAsync("u2", ["b@example.com"], T0, None);

        (await Recipients.MarkVerifiedAsync("u1", "b@example.com", "application", T0, None)).ShouldBeOfType<RecipientChange.NoAddress>();
        (await Recipients.MarkVerifiedAsync("nobody", "a@example.com", "application", T0, None)).ShouldBeOfType<RecipientChange.NoRecipient>();

        (await Recipients.GetAsync("u2", None))!.Addresses.Single().VerifiedAt.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.SetPreferenceAsync), nameof(IRecipientStore.GetPreferencesAsync))]
    public async Task A_preference_is_kept_per_recipient_and_category_and_replaced_by_a_later_change()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.CreateAsync("u2", ["b@example.com"], T0, None);

        (await Recipients.SetPreferenceAsync("u1", new Preference("news", false, T0, "api"), None)).ShouldBeTrue();
        (await Recipients.SetPreferenceAsync("u1", new Preference("billing", true, T0, "api"), None)).ShouldBeTrue();
        (await Recipients.SetPreferenceAsync("u1", new Preference("news", true, T0.AddHours(1), "one-click"), None)).ShouldBeTrue();
        (await Recipients.SetPreferenceAsync("u2", new Preference("news", false, T0, "api"), None)).ShouldBeTrue();

        (await Recipients.GetPreferencesAsync("u1", None)).ShouldBe(
            [new Preference("billing", true, T0, "api"), new Preference("news", true, T0.AddHours(1), "one-click")], ignoreOrder: true);
        (await Recipients.GetPreferencesAsync("u2", None)).ShouldBe([new Preference("news", false, T0, "api")]);
    }

    [Fact]
    [Covers(nameof(IRecipientStore.SetPreferenceAsync), nameof(IRecipientStore.GetPreferencesAsync))]
    public async Task Preferences_need_an_existing_recipient_and_are_empty_until_one_is_set()
    {
        (await Recipients.SetPreferenceAsync("nobody", new Preference("news", false, T0, "api"), None)).ShouldBeFalse();
        (await Recipients.GetPreferencesAsync("nobody", None)).ShouldBeEmpty();

        await Recipients.CreateAsync("nobody", ["a@example.com"], T0, None);
        (await Recipients.GetPreferencesAsync("nobody", None)).ShouldBeEmpty("the refused preference was not kept");
    }
}
