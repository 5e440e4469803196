using Herald.Bounces;
using Herald.Core.Doctor;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Core.Tests.Doctor;

/// <summary>The rules over Herald's own state, fact by fact (the DNS causes are tested against a real DNS server in Herald.Server.Tests).</summary>
public sealed class DiagnosisRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly MailDomain Google = new("example.com", MailRouting.Mx, ["aspmx.l.google.com"], MailHosts.All[0], null, null);

    private static DiagnosisFacts Facts(
        IReadOnlyList<string>? off = null, IReadOnlyList<MessageFact>? messages = null, IReadOnlyList<DomainIncident>? incidents = null) =>
        new("ana@example.com", null, Google, null, Deliverability.Of(AddressLedger.Empty("ana@example.com"), Now, new UnblockPolicy(new SuppressionPolicyOptions())),
            incidents ?? [], off ?? [], messages ?? [], Now);

    [Fact]
    public void Nothing_wrong_is_no_cause()
    {
        DiagnosisRules.Causes(Facts()).ShouldBeEmpty();
    }

    [Fact]
    public void A_category_turned_off_is_the_recipients_to_turn_on()
    {
        var cause = DiagnosisRules.Causes(Facts(off: ["Product news"])).ShouldHaveSingleItem();
        (cause.Code, cause.Actor).ShouldBe((CauseCodes.PreferenceOff, Actor.Recipient));
        cause.Summary.ShouldContain("Product news");
        cause.NextStep.ShouldContain("Turn them back on");
    }

    [Fact]
    public void A_message_that_expired_after_the_last_delivery_is_the_senders_to_send_again()
    {
        var messages = new[]
        {
            new MessageFact("msg_2", "sign-in-code", MessageStatus.Expired, Now.AddHours(-1), null, "451 4.3.0 try later"),
            new MessageFact("msg_1", "sign-in-code", MessageStatus.Delivered, Now.AddDays(-1), null, null),
        };
        var cause = DiagnosisRules.Causes(Facts(messages: messages)).ShouldHaveSingleItem();
        (cause.Code, cause.Actor, cause.Evidence).ShouldBe((CauseCodes.Expired, Actor.Sender, "451 4.3.0 try later"));
        cause.NextStep.ShouldContain("send again");
    }

    [Fact]
    public void An_expiry_older_than_the_last_delivery_is_history_not_a_cause()
    {
        var messages = new[]
        {
            new MessageFact("msg_2", "sign-in-code", MessageStatus.Delivered, Now.AddHours(-1), null, null),
            new MessageFact("msg_1", "sign-in-code", MessageStatus.Expired, Now.AddDays(-1), null, null),
        };
        DiagnosisRules.Causes(Facts(messages: messages)).ShouldBeEmpty();
    }

    [Fact]
    public void An_open_domain_incident_is_the_domains_IT_to_allow_us_with_the_kit()
    {
        var incident = new DomainIncident("inc_1", "example.com", "mimecast", Now.AddHours(-3), Now.AddMinutes(-5), 4, "550 5.7.1 Envelope blocked");
        var cause = DiagnosisRules.Causes(Facts(incidents: [incident])).ShouldHaveSingleItem();
        (cause.Code, cause.Actor, cause.Evidence).ShouldBe((CauseCodes.DomainIncident, Actor.RecipientIt, "550 5.7.1 Envelope blocked"));
        cause.NextStep.ShouldContain("herald doctor ana@example.com --kit");
    }

    [Fact]
    public void Causes_are_ranked_so_what_blocks_everything_comes_first()
    {
        var facts = Facts(off: ["News"]) with { Domain = new MailDomain("example.com", MailRouting.NullMx, [], null, null, null) };
        DiagnosisRules.Causes(facts).Select(c => c.Code).ShouldBe([CauseCodes.NullMx, CauseCodes.PreferenceOff]);
    }

    [Theory]
    [InlineData("gmial.com", "gmail.com")]
    [InlineData("gmail.con", "gmail.com")]
    [InlineData("hotmial.com", "hotmail.com")]
    [InlineData("yaho.com", "yahoo.com")]
    [InlineData("outlok.com", "outlook.com")]
    [InlineData("gmail.com", null)]
    [InlineData("example.org", null)]
    [InlineData("acme-corp.de", null)]
    public void A_typo_candidate_is_the_one_closest_common_domain(string typed, string? expected)
    {
        TypoDomains.Candidate(typed).ShouldBe(expected);
    }

    [Theory]
    [InlineData("eu-smtp-inbound-1.mimecast.com", "Mimecast")]
    [InlineData("mx0a-00123.pphosted.com", "Proofpoint")]
    [InlineData("example-com.mail.protection.outlook.com", "Microsoft 365 / Outlook.com")]
    [InlineData("d123.ess.barracudanetworks.com", "Barracuda")]
    [InlineData("mx1.hc123-45.iphmx.com", "Cisco Secure Email (IronPort)")]
    [InlineData("cluster1.eu.messagelabs.com", "Broadcom / Symantec Email Security.cloud")]
    [InlineData("notmimecast.com", null)]
    public void Providers_and_gateways_are_recognised_on_label_boundaries(string host, string? name)
    {
        var (provider, gateway) = MailHosts.Recognise([host]);
        (gateway ?? provider)?.Name.ShouldBe(name);
        if (name is null)
        {
            (gateway ?? provider).ShouldBeNull();
        }
    }
}
