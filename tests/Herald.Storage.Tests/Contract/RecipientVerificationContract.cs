using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IRecipientStore"/> must do with verification tokens and codes, the re-send limit and message history.</summary>
[ContractFor(typeof(IRecipientStore))]
public abstract class RecipientVerificationContract : StoreContract
{
    [Fact]
    [Covers(nameof(IRecipientStore.IssueVerificationAsync), nameof(IRecipientStore.RedeemTokenAsync))]
    public async Task A_token_verifies_its_address_once_by_link()
    {
        await Recipients.CreateAsync("u1", ["Ana@Example.com", "b@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "ana@example.com", "token", null, T0.AddDays(1), T0, None);

        var verified = (await Recipients.RedeemTokenAsync("token", T0.AddMinutes(1), None)).ShouldBeOfType<VerificationRedemption.Verified>();

        verified.ShouldBe(new VerificationRedemption.Verified("u1", "Ana@Example.com", T0.AddMinutes(1)));
        var recipient = (await Recipients.GetAsync("u1", None))!;
        recipient.Find("ana@example.com").ShouldBe(new ContactAddress("Ana@Example.com", true, T0, T0.AddMinutes(1), "link"));
        recipient.Find("b@example.com")!.VerifiedAt.ShouldBeNull();
        (await Recipients.RedeemTokenAsync("token", T0.AddMinutes(2), None)).ShouldBeOfType<VerificationRedemption.Refused>();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.IssueVerificationAsync), nameof(IRecipientStore.RedeemTokenAsync))]
    public async Task A_newer_token_replaces_the_older_one_for_the_same_address()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "old", null, T0.AddDays(1), T0, None);
        await Recipients.IssueVerificationAsync("u1", "A@example.com", "new", null, T0.AddDays(1), T0.AddMinutes(1), None);

        (await Recipients.RedeemTokenAsync("old", T0.AddMinutes(2), None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.GetAsync("u1", None))!.Addresses.Single().VerifiedAt.ShouldBeNull();
        (await Recipients.RedeemTokenAsync("new", T0.AddMinutes(3), None)).ShouldBeOfType<VerificationRedemption.Verified>();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RedeemTokenAsync))]
    public async Task An_unknown_or_expired_token_is_refused_and_verifies_nothing()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "token", null, T0.AddHours(24), T0, None);

        (await Recipients.RedeemTokenAsync("forged", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.RedeemTokenAsync("token", T0.AddHours(24), None)).ShouldBeOfType<VerificationRedemption.Refused>();

        (await Recipients.GetAsync("u1", None))!.Addresses.Single().VerifiedAt.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RedeemTokenAsync))]
    public async Task A_token_for_an_address_removed_since_verifies_nothing_even_once_someone_else_has_it()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "b@example.com", "token", null, T0.AddDays(1), T0, None);
        await Recipients.RemoveAddressAsync("u1", "b@example.com", None);
        await Recipients.CreateAsync("u2", ["b@example.com"], T0, None);

        (await Recipients.RedeemTokenAsync("token", T0.AddMinutes(1), None)).ShouldBeOfType<VerificationRedemption.Refused>();

        (await Recipients.GetAsync("u2", None))!.Addresses.Single().VerifiedAt.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RedeemCodeAsync))]
    public async Task The_right_code_verifies_its_address_once_and_spends_the_link_too()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "token", "code", T0.AddDays(1), T0, None);

        (await Recipients.RedeemCodeAsync("u1", "A@example.com", "code", T0.AddMinutes(1), None))
            .ShouldBe(new VerificationRedemption.Verified("u1", "a@example.com", T0.AddMinutes(1)));

        (await Recipients.GetAsync("u1", None))!.Addresses.Single().VerifiedBy.ShouldBe("code");
        (await Recipients.RedeemCodeAsync("u1", "a@example.com", "code", T0.AddMinutes(2), None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.RedeemTokenAsync("token", T0.AddMinutes(2), None)).ShouldBeOfType<VerificationRedemption.Refused>();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RedeemCodeAsync))]
    public async Task Wrong_codes_below_the_limit_are_refused_and_leave_the_code_usable()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "token", "right", T0.AddDays(1), T0, None);
        for (var i = 0; i < VerificationRules.MaxCodeFailures - 1; i++)
        {
            (await Recipients.RedeemCodeAsync("u1", "a@example.com", "wrong", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        }

        (await Recipients.RedeemCodeAsync("u1", "a@example.com", "right", T0, None)).ShouldBeOfType<VerificationRedemption.Verified>();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RedeemCodeAsync))]
    public async Task As_many_wrong_codes_as_the_limit_spend_the_token_and_its_link()
    {
        await Recipients.CreateAsync("u1", ["a@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "token", "right", T0.AddDays(1), T0, None);
        for (var i = 0; i < VerificationRules.MaxCodeFailures; i++)
        {
            (await Recipients.RedeemCodeAsync("u1", "a@example.com", "wrong", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        }

        (await Recipients.RedeemCodeAsync("u1", "a@example.com", "right", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.RedeemTokenAsync("token", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.GetAsync("u1", None))!.Addresses.Single().VerifiedAt.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.RedeemCodeAsync))]
    public async Task A_code_works_only_for_its_recipient_and_address_before_it_expires()
    {
        await Recipients.CreateAsync("u1", ["a@example.com", "b@example.com"], T0, None);
        await Recipients.CreateAsync("u2", ["c@example.com"], T0, None);
        await Recipients.IssueVerificationAsync("u1", "a@example.com", "token-a", "code", T0.AddHours(1), T0, None);
        await Recipients.IssueVerificationAsync("u1", "b@example.com", "token-b", null, T0.AddHours(1), T0, None);

        (await Recipients.RedeemCodeAsync("u2", "a@example.com", "code", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>();
        (await Recipients.RedeemCodeAsync("u1", "b@example.com", "code", T0, None)).ShouldBeOfType<VerificationRedemption.Refused>("b's token has no code");
        (await Recipients.RedeemCodeAsync("u1", "a@example.com", "code", T0.AddHours(1), None)).ShouldBeOfType<VerificationRedemption.Refused>();

        (await Recipients.GetAsync("u1", None))!.Addresses.ShouldAllBe(a => a.VerifiedAt == null);
    }

    [Fact]
    [Covers(nameof(IRecipientStore.TryCountVerificationRequestAsync))]
    public async Task Verification_requests_are_counted_per_address_ignoring_case_within_the_window()
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
    [Covers(nameof(IRecipientStore.TryCountVerificationRequestAsync))]
    public async Task A_refused_verification_request_is_not_counted()
    {
        var window = TimeSpan.FromHours(1);
        await Recipients.TryCountVerificationRequestAsync("a@example.com", T0, window, 2, None);
        await Recipients.TryCountVerificationRequestAsync("a@example.com", T0.AddMinutes(30), window, 2, None);
        (await Recipients.TryCountVerificationRequestAsync("a@example.com", T0.AddMinutes(40), window, 2, None)).ShouldBeFalse();

        // The first request has left the window; the refused one, had it counted, would still be in it with the second.
        (await Recipients.TryCountVerificationRequestAsync("a@example.com", T0.AddMinutes(61), window, 2, None)).ShouldBeTrue();
    }

    [Fact]
    [Covers(nameof(IRecipientStore.LatestMessagesAsync))]
    public async Task The_latest_messages_to_any_of_the_addresses_come_newest_first_with_their_last_detail()
    {
        await Queue.EnqueueAsync(New("msg_1", to: "a@example.test", createdAt: T0));
        await Queue.EnqueueAsync(New("msg_2", to: "B@Example.test", createdAt: T0.AddSeconds(1)));
        await Queue.EnqueueAsync(New("msg_other", to: "c@example.test", createdAt: T0.AddSeconds(2)));
        await Queue.EnqueueAsync(New("msg_3", to: "A@example.test", createdAt: T0.AddSeconds(3)));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single(j => j.Message.Id == "msg_1");
        var bounce = new DeliveryEvent("msg_1", T0.AddMinutes(2), EventType.Failed, Detail: "The mailbox does not exist.");
        await Queue.CompleteAsync(job, new JobTransition(MessageStatus.Failed, null, [bounce], true), None);

        var latest = await Recipients.LatestMessagesAsync(["a@example.test", "b@example.test"], 10, None);

        latest.Select(m => m.Id).ShouldBe(["msg_3", "msg_2", "msg_1"]);
        latest[2].ShouldBe(new RecipientMessage("msg_1", "password-reset", "transactional", "a@example.test", MessageStatus.Failed, T0,
            T0.AddMinutes(2), "The mailbox does not exist."));
        latest[1].LastDetail.ShouldBeNull();
        (await Recipients.LatestMessagesAsync(["a@example.test", "b@example.test"], 2, None)).Select(m => m.Id).ShouldBe(["msg_3", "msg_2"]);
        (await Recipients.LatestMessagesAsync([], 10, None)).ShouldBeEmpty();
    }
}
