namespace Herald.Bounces.Tests.Families;

/// <summary>
/// The families of misses named in issue 14, each from our own wording of the family: the reason may follow Sisimai's
/// vocabulary, but the scenario (what Herald does and says) must be the right one.
/// </summary>
public sealed class FamilyTests
{
    [Theory]
    [InlineData("550 5.7.1 The address you wrote to does not exist here (after end of DATA)")]
    [InlineData("554 delivery error: this is not an active address at our site")]
    [InlineData("550 user not found, message refused at end of DATA")]
    [InlineData("550 5.4.1 Recipient address rejected: Access denied. [AB1CD2.eop.example]")]
    public void A_recipient_that_does_not_exist_is_a_missing_mailbox_whatever_the_command(string text)
    {
        var r = Text(text);
        r.Scenario.ShouldBe(Scenario.MailboxDoesNotExist);
        r.Suppress.ShouldBe(SuppressAdvice.Suspend);
    }

    [Fact]
    public void Dns_domain_does_not_exist_is_a_missing_domain_not_a_gateway()
    {
        var r = Text("550 5.4.310 DNS domain example-nowhere.org does not exist [Message=InfoDomainNonexistent]");
        r.Scenario.ShouldBe(Scenario.DomainDoesNotExist);
        r.Explanation.Summary.ShouldNotContain("security");
    }

    [Fact]
    public void A_dns_failure_on_the_mx_lookup_is_explained_as_dns()
    {
        var r = Text("451 4.4.3 Temporary DNS failure looking up the MX records of example.org: SERVFAIL");
        r.Delayed.ShouldBeFalse(); // a pasted reply with no report: final for this attempt, but transient
        r.Permanent.ShouldBeFalse();
        r.Explanation.Summary.ShouldContain("DNS");
    }

    [Theory]
    [InlineData("550 5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam, this message has been blocked.")]
    [InlineData("554 5.7.1 Message refused: the content filter scored it as spam (score 14.2)")]
    [InlineData("550 5.7.1 Rejected by gateway: matched spam signature SIG-12345")]
    public void Spam_filter_wordings_are_content_flagged_as_spam(string text)
    {
        var r = Text(text);
        r.Reason.ShouldBe(Reason.SpamDetected);
        r.Scenario.ShouldBe(Scenario.ContentFlaggedAsSpam);
    }

    [Fact]
    public void A_rate_limit_that_mentions_dkim_is_a_rate_limit()
    {
        var r = Text("421 4.7.0 You are sending too many messages too fast; rate limited. DKIM and SPF passed.");
        r.Scenario.ShouldBe(Scenario.RateLimited);
    }

    [Fact]
    public void A_challenge_response_system_asks_for_approval_not_a_policy_fix()
    {
        var r = Text("Your message is held until you approve this sender: please confirm you are a human by visiting the link in this message.");
        r.Named.ShouldBe("a challenge-response system");
        r.Explanation.Summary.ShouldContain("challenge");
        r.Actor.ShouldNotBe(Actor.RecipientIt);
    }

    [Fact]
    public void Barracudas_reputation_list_is_a_blocklist_not_the_recipients_gateway()
    {
        var r = Text("554 Service unavailable; Client host [192.0.2.9] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.9");
        r.Scenario.ShouldBe(Scenario.Blocklisted);
        r.Actor.ShouldBe(Actor.Sender);
    }

    private static BounceRecord Text(string text) => BounceClassifier.ClassifyText(text).Records.ShouldHaveSingleItem();
}
