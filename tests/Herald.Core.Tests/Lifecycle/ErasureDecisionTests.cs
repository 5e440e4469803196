using Herald.Bounces;
using Herald.Core.Feedback;
using Herald.Core.Lifecycle;

namespace Herald.Core.Tests.Lifecycle;

/// <summary>Which suppression outlives an erasure, and the fingerprint it is kept under.</summary>
public sealed class ErasureDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SuppressionReason.HardBounce, true)]
    [InlineData(SuppressionReason.Complaint, true)]
    [InlineData(SuppressionReason.PersistentSoftFailure, false)]
    [InlineData(SuppressionReason.AutoResponder, false)]
    [InlineData(SuppressionReason.ProviderSuppressionList, false)]
    [InlineData(SuppressionReason.Operator, false)]
    public void Only_a_hard_bounce_or_a_complaint_in_force_survives_erasure(SuppressionReason reason, bool kept)
    {
        var ledger = Ledger(new Suspension(reason, SuppressionSource.Policy, Now.AddDays(-3), null, "550 5.1.1 <a@example.com> unknown", "msg_1",
            Scenario.MailboxDoesNotExist, "gone"));

        var survivor = SuppressionPolicy.SurvivingErasure(ledger, Now);

        (survivor is not null).ShouldBe(kept);
        if (survivor is not null)
        {
            survivor.ShouldBe(new ErasedSuppression(reason, Now.AddDays(-3), null));
            survivor.SuspensionAt(Now).ShouldNotBeNull().Evidence.ShouldNotContain("example.com");
        }
    }

    [Fact]
    public void A_suspension_that_has_ended_does_not_survive_and_a_kept_temporary_one_ends_on_time()
    {
        var ended = Ledger(new Suspension(SuppressionReason.Complaint, SuppressionSource.Provider, Now.AddDays(-9), Now.AddDays(-1), "", null, Scenario.Unknown, ""));
        SuppressionPolicy.SurvivingErasure(ended, Now).ShouldBeNull();

        var kept = new ErasedSuppression(SuppressionReason.Complaint, Now, Now.AddDays(2));
        kept.SuspensionAt(Now.AddDays(1)).ShouldNotBeNull();
        kept.SuspensionAt(Now.AddDays(2)).ShouldBeNull();
    }

    [Fact]
    public void The_fingerprint_is_of_the_canonical_address_and_depends_on_the_key()
    {
        var key = new AddressFingerprint(Enumerable.Repeat((byte)7, 32).ToArray());

        key.Of("Ana@Example.COM").ShouldBe(key.Of("ana@example.com"));
        key.Of("\"ana\"@example.com").ShouldBe(key.Of("ana@example.com"));
        key.Of("ana@example.com").ShouldNotBe(key.Of("bob@example.com"));
        key.Of("ana@example.com").ShouldNotBe(new AddressFingerprint(Enumerable.Repeat((byte)8, 32).ToArray()).Of("ana@example.com"));
        key.Of("ana@example.com").ShouldNotContain("ana");
    }

    private static AddressLedger Ledger(Suspension s) => AddressLedger.Empty("a@example.com") with { Suspension = s };
}
