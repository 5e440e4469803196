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

    [Theory]
    [InlineData("\"bob\"@example.com", "bob@example.com")]
    [InlineData("bob@EXAMPLE.COM", "bob@example.com")]
    [InlineData("Bob@example.com", "Bob@example.com")]
    [InlineData("\"bob smith\"@example.com", "\"bob smith\"@example.com")]
    [InlineData("\"b\\ob\"@example.com", "bob@example.com")]
    [InlineData("bob@exämple.com", "bob@xn--exmple-cua.com")]
    [InlineData("bob@EXÄMPLE.com", "bob@xn--exmple-cua.com")]
    [InlineData("bob@XN--EXMPLE-CUA.COM", "bob@xn--exmple-cua.com")]
    [InlineData("bob@example.com.", "bob@example.com")]
    [InlineData("bob(work)@example.com", "bob@example.com")]
    public void One_mailbox_written_several_ways_has_one_canonical_form(string input, string canonical)
    {
        AddressRules.IsSingleMailbox(input, out var normalised).ShouldBeTrue(normalised);
        normalised.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("bob@example.com\u2028Bcc: eve@example.com")]
    [InlineData("bob@example.com\u2029")]
    [InlineData("bob\u0085@example.com")]
    [InlineData("bob@example.com\t")]
    [InlineData("b\u200bob@example.com")]
    [InlineData("bob@exa\u202emple.com")]
    [InlineData("\"bob\u0007\"@example.com")]
    public void A_control_character_or_a_line_or_paragraph_separator_anywhere_is_refused(string input)
    {
        AddressRules.IsSingleMailbox(input, out var reason).ShouldBeFalse();
        reason.ShouldContain("control");
    }

    [Theory]
    [InlineData("bob@xn--zz.com")]
    [InlineData("bob@exa_mple.com")]
    public void A_domain_that_is_not_a_valid_host_name_or_A_label_is_refused(string input)
    {
        AddressRules.IsSingleMailbox(input, out var reason).ShouldBeFalse();
        reason.ShouldContain("domain");
    }

    [Fact]
    public void The_lookup_key_is_the_canonical_form_lower_cased()
    {
        AddressRules.LookupKey("\"B-Token\"@Bounces.Example.COM").ShouldBe("b-token@bounces.example.com");
        AddressRules.LookupKey("not an address").ShouldBe("not an address");
    }
}
