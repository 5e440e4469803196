using Herald.Core.Messages;

namespace Herald.Core.Tests.Messages;

public sealed class AddressRulesTests
{
    [Theory]
    [InlineData("ana@example.com", "ana@example.com")]
    [InlineData(" ana@Example.COM ", "ana@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk")]
    public void A_single_mailbox_is_accepted_and_its_domain_lower_cased(string input, string expected)
    {
        AddressRules.IsSingleMailbox(input, out var normalised).ShouldBeTrue(normalised);
        normalised.ShouldBe(expected);
    }

    [Theory]
    [InlineData("ana@example.com\r\nBcc: eve@example.com", "CR, LF")]
    [InlineData("ana@example.com\n", "CR, LF")]
    [InlineData("ana@exam\0ple.com", "NUL")]
    [InlineData("ana", "")]
    [InlineData("ana@", "")]
    [InlineData("ana@localhost", "domain")]
    [InlineData("ana@example.com, bob@example.com", "list")]
    [InlineData("ana@example.com; bob@example.com", "list")]
    [InlineData("Ana <ana@example.com>", "single valid")]
    [InlineData("undisclosed-recipients:;", "")]
    [InlineData("", "required")]
    public void Anything_but_one_plain_address_is_refused_with_a_reason(string input, string reasonFragment)
    {
        AddressRules.IsSingleMailbox(input, out var reason).ShouldBeFalse();
        reason.ShouldContain(reasonFragment);
    }

    [Fact]
    public void An_address_over_254_characters_is_refused()
    {
        var address = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        AddressRules.IsSingleMailbox(address, out var reason).ShouldBeFalse();
        reason.ShouldContain("254");
    }

    [Fact]
    public void A_local_part_over_64_characters_is_refused()
    {
        AddressRules.IsSingleMailbox(new string('a', 65) + "@example.com", out var reason).ShouldBeFalse();
        reason.ShouldContain("64");
    }
}
