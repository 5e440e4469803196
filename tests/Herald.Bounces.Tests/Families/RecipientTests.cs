namespace Herald.Bounces.Tests.Families;

/// <summary>The failed recipient comes from the structured fields first, cleaned, and never from addresses that are not it.</summary>
public sealed class RecipientTests
{
    [Fact]
    public void Original_recipient_wins_when_it_holds_a_real_address()
    {
        var r = SyntheticBounce.Report("failed", "5.1.1", "550 5.1.1 unknown user", finalRecipient: "rfc822; u1234@store.internal.example",
            originalRecipient: "rfc822; jane@example.org").Records.ShouldHaveSingleItem();
        r.Recipient.ShouldBe("jane@example.org");
    }

    [Theory]
    [InlineData("rfc822; SMTP:jane@example.org", "jane@example.org")]
    [InlineData("rfc822;<jane@example.org>", "jane@example.org")]
    [InlineData("X400; /C=US/ADMD=EXAMPLE/PRMD=HUB/O=ORG/RFC-822=jane(a)example.org/", "jane@example.org")]
    [InlineData("rfc822; SMTP=jane@example.org", "jane@example.org")]
    public void X400_smtp_and_rfc822_forms_are_cleaned(string field, string expected)
    {
        var r = SyntheticBounce.Report("failed", "5.1.1", "550 5.1.1 unknown user", finalRecipient: field).Records.ShouldHaveSingleItem();
        r.Recipient.ShouldBe(expected);
    }

    [Fact]
    public void Addresses_in_prose_skip_help_and_list_addresses_and_our_own_sender()
    {
        var report = SyntheticBounce.Notice("Undeliverable mail",
            $"We could not deliver the mail you ({SyntheticBounce.OurSender}) sent.\nFor help write to help@mx.example.org or to the list owner list-request@lists.example.org.\n\n  missing@example.org\n    550 no such user");
        var r = report.Records.ShouldHaveSingleItem();
        r.Recipient.ShouldBe("missing@example.org");
    }
}
