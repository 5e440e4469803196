using Herald.Core.Feedback;
using Herald.Core.Lifecycle;
using Herald.Core.Recipients;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every store's erasure must do: the person's rows are gone, a hard bounce survives as a fingerprint only.</summary>
[ContractFor(typeof(IErasureStore))]
public abstract class ErasureStoreContract : StoreContract
{
    private const string Alice = "alice@example.test";
    private const string AliceWork = "alice@work.example.test";
    private const string Bob = "bob@example.test";

    [Fact]
    [Covers(nameof(IErasureStore.EraseAsync))]
    public async Task Erasure_removes_the_recipient_its_addresses_preferences_messages_timelines_and_ledger()
    {
        await Recipients.CreateAsync("u-1", [Alice, AliceWork], T0, None);
        await Recipients.SetPreferenceAsync("u-1", new Preference("digests", false, T0, "api"), None);
        await Queue.EnqueueAsync(New("msg_a", to: Alice));
        await Queue.EnqueueAsync(New("msg_w", to: AliceWork));
        await Queue.EnqueueAsync(New("msg_b", to: Bob));
        await Feedback.UpdateAsync(TestFeedback.Change(Alice, T0, l => l with { Suspension = TestFeedback.HardBounce(T0, T0.AddDays(1)) }), None);

        var receipt = await Erasure.EraseAsync(Of("u-1", Alice, AliceWork), None);

        receipt.ShouldBe(new ErasureReceipt("era_1", T0, 2, 2, 0));
        (await Recipients.GetAsync("u-1", None)).ShouldBeNull();
        (await Recipients.FindByAddressAsync(AliceWork, None)).ShouldBeNull();
        (await Recipients.GetPreferencesAsync("u-1", None)).ShouldBeEmpty();
        (await Store.GetAsync("msg_a", None)).ShouldBeNull();
        (await Store.GetTimelineAsync("msg_w", None)).ShouldBeEmpty();
        (await Store.ListByRecipientAsync(Alice, 10, null, None)).Items.ShouldBeEmpty();
        (await Feedback.GetAsync(Alice, None)).Suspension.ShouldBeNull();
        (await Feedback.HistoryAsync(Alice, None)).ShouldBeEmpty();
        (await Store.GetAsync("msg_b", None)).ShouldNotBeNull("another person's message stays");
    }

    [Fact]
    [Covers(nameof(IErasureStore.EraseAsync))]
    public async Task Erasure_removes_the_webhook_events_about_the_address_even_when_the_payload_escapes_its_plus()
    {
        const string Tagged = "alice+news@example.test";
        await Feedback.UpdateAsync(TestFeedback.NotifyAbout(Tagged, T0, "evt_a", "app", "crm"), None);
        await Feedback.UpdateAsync(TestFeedback.NotifyAbout(Bob, T0, "evt_b", "app"), None);

        await Erasure.EraseAsync(Of(null, Tagged), None);

        (await Feedback.WebhookDeliveriesForAddressAsync(Tagged, 10, None)).ShouldBeEmpty();
        (await Feedback.WebhookDeliveriesAsync("crm", null, null, 10, None)).ShouldBeEmpty();
        (await Feedback.WebhookDeliveriesAsync("app", null, null, 10, None)).Select(d => d.Id).ShouldBe(["evt_b"], "another person's event stays");
    }

    [Fact]
    [Covers(nameof(IErasureStore.EraseAsync), nameof(IErasureStore.LedgersAndKeptAsync))]
    public async Task A_suppression_the_policy_keeps_survives_under_the_fingerprint_alone()
    {
        await Feedback.UpdateAsync(TestFeedback.Change(Alice, T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);

        var receipt = await Erasure.EraseAsync(Of(null, Alice) with { Keep = l => SuppressionPolicy.SurvivingErasure(l, T0) }, None);

        receipt.SuppressionsKept.ShouldBe(1);
        (await KeptAsync(Alice, "fp:" + Alice)).Kept.ShouldBe(new ErasedSuppression(SuppressionReason.HardBounce, T0, null));
        (await KeptAsync(Bob, "fp:" + Bob)).Kept.ShouldBeNull();
        (await Feedback.GetAsync(Alice, None)).Suspension.ShouldBeNull("the ledger row, which names the address, is gone");
    }

    [Fact]
    [Covers(nameof(IErasureStore.EraseAsync), nameof(IErasureStore.LedgersAndKeptAsync))]
    public async Task A_suppression_the_policy_does_not_keep_is_forgotten()
    {
        await Feedback.UpdateAsync(TestFeedback.Change(Alice, T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);

        var receipt = await Erasure.EraseAsync(Of(null, Alice), None);

        receipt.SuppressionsKept.ShouldBe(0);
        (await KeptAsync(Alice, "fp:" + Alice)).Kept.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IErasureStore.LedgersAndKeptAsync))]
    public async Task Many_addresses_are_read_at_once_each_answer_in_its_place()
    {
        await Feedback.UpdateAsync(TestFeedback.Change(Alice, T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);
        await Feedback.UpdateAsync(TestFeedback.Change(Bob, T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);
        await Erasure.EraseAsync(Of(null, Bob) with { Keep = l => SuppressionPolicy.SurvivingErasure(l, T0) }, None);

        var read = await Erasure.LedgersAndKeptAsync(
            [new("nobody@example.test", "fp:nobody"), new(Bob, "fp:" + Bob), new("ALICE@example.test", "fp:" + Alice), new(Alice, "fp:" + Alice)], None);

        read.Count.ShouldBe(4);
        read[0].ShouldBe(new LedgerAndKept(AddressLedger.Empty("nobody@example.test"), null));
        read[1].Ledger.Suspension.ShouldBeNull("Bob's ledger went with the erasure");
        read[1].Kept.ShouldBe(new ErasedSuppression(SuppressionReason.HardBounce, T0, null));
        read[2].Ledger.Suspension.ShouldNotBeNull("the address is looked up whatever its case");
        read[3].Ledger.Suspension.ShouldNotBeNull();
        read[3].Kept.ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IErasureStore.LedgersAndKeptAsync))]
    public async Task The_ledger_and_the_suppression_kept_at_erasure_are_read_together()
    {
        await Feedback.UpdateAsync(TestFeedback.Change(Alice, T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);
        await Erasure.EraseAsync(Of(null, Alice) with { Keep = l => SuppressionPolicy.SurvivingErasure(l, T0) }, None);
        // The address is used again after the erasure: a new ledger, beside what the erasure kept.
        await Feedback.UpdateAsync(TestFeedback.Change("ALICE@example.test", T0.AddDays(1), l => l with { Suspension = TestFeedback.HardBounce(T0.AddDays(1)) }), None);

        var both = await KeptAsync("Alice@Example.test", "fp:" + Alice);
        both.Ledger.Suspension.ShouldNotBeNull().Since.ShouldBe(T0.AddDays(1));
        both.Kept.ShouldBe(new ErasedSuppression(SuppressionReason.HardBounce, T0, null));

        var neither = await KeptAsync(Bob, "fp:" + Bob);
        neither.Ledger.ShouldBe(AddressLedger.Empty(Bob));
        neither.Kept.ShouldBeNull();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(150)]
    [Covers(nameof(IErasureStore.LedgersAndKeptAsync))]
    public async Task Any_number_of_addresses_are_read_each_answer_in_its_place(int count)
    {
        // Every fifth address is suspended, every seventh was erased with its suppression kept.
        var addresses = Enumerable.Range(0, count).Select(i => $"user{i}@example.test").ToList();
        for (var i = 0; i < count; i += 5)
        {
            await Feedback.UpdateAsync(TestFeedback.Change(addresses[i], T0, l => l with { Suspension = TestFeedback.HardBounce(T0) }), None);
        }

        var erased = Enumerable.Range(0, count).Where(i => i % 7 == 0).Select(i => addresses[i]).ToArray();
        await Erasure.EraseAsync(Of(null, erased) with { Keep = l => SuppressionPolicy.SurvivingErasure(l, T0) }, None);

        var read = await Erasure.LedgersAndKeptAsync(addresses.Select(a => new ErasedAddress(a, "fp:" + a)).ToList(), None);

        read.Count.ShouldBe(count);
        for (var i = 0; i < count; i++)
        {
            read[i].Ledger.Address.ShouldBe(addresses[i]);
            (read[i].Ledger.Suspension is not null).ShouldBe(i % 5 == 0 && i % 7 != 0, $"address {i}");
            (read[i].Kept is not null).ShouldBe(i % 35 == 0, $"address {i}: kept only where suspended and erased");
        }
    }

    [Fact]
    [Covers(nameof(IErasureStore.EraseAsync))]
    public async Task Erasing_what_is_already_gone_succeeds_and_removes_nothing()
    {
        await Queue.EnqueueAsync(New("msg_b", to: Bob));

        var receipt = await Erasure.EraseAsync(Of("nobody", Alice), None);

        receipt.Messages.ShouldBe(0);
        (await Store.GetAsync("msg_b", None)).ShouldNotBeNull();
    }

    private async Task<LedgerAndKept> KeptAsync(string address, string fingerprint) =>
        (await Erasure.LedgersAndKeptAsync([new ErasedAddress(address, fingerprint)], None)).ShouldHaveSingleItem();

    private static Erasure Of(string? recipientId, params string[] addresses) =>
        new("era_1", recipientId, addresses.Select(a => new ErasedAddress(a, "fp:" + a)).ToList(), "key:ops", T0, _ => null);
}
