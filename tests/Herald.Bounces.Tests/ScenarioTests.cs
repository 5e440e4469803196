
namespace Herald.Bounces.Tests;

/// <summary>Each scenario from real reply texts as providers and gateways write them.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public void Gmail_no_such_user_is_a_missing_mailbox_that_suspends_the_address()
    {
        var r = Reply(550, "5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser", SmtpStage.RcptTo);
        r.Reason.ShouldBe(Reason.UserUnknown);
        r.Scenario.ShouldBe(Scenario.MailboxDoesNotExist);
        r.HardBounce.ShouldBeTrue();
        r.Suppress.ShouldBe(SuppressAdvice.Suspend);
        r.Actor.ShouldBe(Actor.Recipient);
        r.Links.ShouldContain("https://support.google.com/mail/?p=NoSuchUser");
    }

    [Fact]
    public void Postfix_unknown_domain_is_a_missing_domain()
    {
        var r = Text("550 5.1.2 <a@nonexistent.example>: Recipient address rejected: Domain not found; Host or domain name not found");
        r.Reason.ShouldBe(Reason.HostUnknown);
        r.Scenario.ShouldBe(Scenario.DomainDoesNotExist);
        r.HardBounce.ShouldBeTrue();
    }

    [Fact]
    public void Quota_exceeded_is_a_full_mailbox_to_retry()
    {
        var r = Reply(452, "4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp", SmtpStage.RcptTo);
        r.Reason.ShouldBe(Reason.MailboxFull);
        r.Scenario.ShouldBe(Scenario.MailboxFull);
        r.Suppress.ShouldBe(SuppressAdvice.Retry);
        r.HardBounce.ShouldBeFalse();
    }

    [Fact]
    public void A_disabled_account_holds_without_suspending()
    {
        var r = Text("550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser");
        r.Reason.ShouldBe(Reason.Suspend);
        r.Scenario.ShouldBe(Scenario.AccountDisabled);
        r.Suppress.ShouldBe(SuppressAdvice.Hold);
    }

    [Fact]
    public void Mimecast_block_names_the_gateway_and_asks_it_to_allow_us()
    {
        var r = Text("554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554 [abc.us123]");
        r.Scenario.ShouldBe(Scenario.SecurityGatewayBlock);
        r.Named.ShouldBe("Mimecast");
        r.Actor.ShouldBe(Actor.RecipientIt);
        r.Suppress.ShouldBe(SuppressAdvice.Hold);
        r.Explanation.Summary.ShouldContain("Mimecast");
    }

    [Fact]
    public void Mimecast_anti_spoofing_refusal_is_a_gateway_block_even_with_a_vague_reason()
    {
        // The help article's Scenario 1: the gray box mentions mimecast.com. Classified "onhold" by reason (no code
        // says more), it must still send the user to their IT team instead of "nobody: wait".
        var r = Text("550 Rejected by header based Anti-Spoofing policy: notifications@herald.example - https://community.mimecast.com/docs/DOC-1369#550 [aBcD12345.uk1]");
        r.Scenario.ShouldBe(Scenario.SecurityGatewayBlock);
        r.Named.ShouldBe("Mimecast");
        r.Actor.ShouldBe(Actor.RecipientIt);
        r.Suppress.ShouldNotBe(SuppressAdvice.Suspend);
        r.Links.ShouldContain("https://community.mimecast.com/docs/DOC-1369#550");
    }

    [Fact]
    public void Proofpoint_block_names_the_gateway()
    {
        var r = Text("550 5.7.1 Service unavailable; client [192.0.2.1] blocked by policy - mx0a-0012345.pphosted.com (in reply to RCPT TO command)");
        r.Scenario.ShouldBe(Scenario.SecurityGatewayBlock);
        r.Named.ShouldBe("Proofpoint");
        r.Suppress.ShouldNotBe(SuppressAdvice.Suspend);
    }

    [Fact]
    public void Spamhaus_listing_is_a_blocklist_that_never_suspends_the_recipient()
    {
        var r = Text("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1");
        r.Reason.ShouldBe(Reason.Blocked);
        r.Scenario.ShouldBe(Scenario.Blocklisted);
        r.Named.ShouldBe("Spamhaus");
        r.Actor.ShouldBe(Actor.Sender);
        r.Suppress.ShouldBe(SuppressAdvice.Hold);
        r.HardBounce.ShouldBeFalse();
    }

    [Fact]
    public void Outlook_s3150_is_the_microsoft_block_list()
    {
        var r = Text("550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.");
        r.Reason.ShouldBe(Reason.Blocked);
        r.Scenario.ShouldBe(Scenario.Blocklisted);
        r.Named!.ShouldContain("Microsoft");
    }

    [Fact]
    public void Dmarc_rejection_is_a_sender_authentication_problem()
    {
        var r = Text("550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain if this was a legitimate mail.");
        r.Reason.ShouldBe(Reason.AuthFailure);
        r.Scenario.ShouldBe(Scenario.SenderAuthentication);
        r.Actor.ShouldBe(Actor.Sender);
        r.Suppress.ShouldBe(SuppressAdvice.Hold);
    }

    [Fact]
    public void Spam_content_is_flagged_content()
    {
        var r = Text("550 5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.");
        r.Reason.ShouldBe(Reason.SpamDetected);
        r.Scenario.ShouldBe(Scenario.ContentFlaggedAsSpam);
    }

    [Fact]
    public void Greylisting_is_rate_limited_and_retried()
    {
        var r = Reply(451, "4.7.1 <a@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html", SmtpStage.RcptTo);
        r.Scenario.ShouldBe(Scenario.RateLimited);
        r.Actor.ShouldBe(Actor.Nobody);
        r.Suppress.ShouldBe(SuppressAdvice.Retry);
    }

    [Fact]
    public void Too_many_connections_is_rate_limited()
    {
        var r = Reply(421, "4.7.0 Too many connections from your host. Please try again later.", SmtpStage.Connect);
        r.Reason.ShouldBe(Reason.TooManyConn);
        r.Scenario.ShouldBe(Scenario.RateLimited);
    }

    [Fact]
    public void Oversized_message_is_message_too_large()
    {
        var r = Reply(552, "5.3.4 Message size exceeds fixed maximum message size", SmtpStage.Data);
        r.Reason.ShouldBe(Reason.MesgTooBig);
        r.Scenario.ShouldBe(Scenario.MessageTooLarge);
        r.Actor.ShouldBe(Actor.Sender);
    }

    [Fact]
    public void Connection_timeout_is_an_unreachable_server()
    {
        var r = Text("connect to mx.example.net[192.0.2.9]:25: Connection timed out");
        r.Reason.ShouldBe(Reason.Expired);
        r.Scenario.ShouldBe(Scenario.ServerUnreachable);
        r.Suppress.ShouldBe(SuppressAdvice.Retry);
    }

    [Theory]
    [InlineData("554 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.1", "Barracuda Reputation Block List (BRBL)")]
    [InlineData("550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1", "SpamCop")]
    public void Named_blocklists_are_named(string text, string list)
    {
        var r = Text(text);
        r.Scenario.ShouldBe(Scenario.Blocklisted);
        r.Named.ShouldBe(list);
        r.Suppress.ShouldNotBe(SuppressAdvice.Suspend);
    }

    [Theory]
    [InlineData("550 5.7.1 Message rejected as spam by Content Filtering. [AM0PR01MB1234.eurprd01.prod.protection.outlook.com]", "Microsoft Defender / Exchange Online Protection")]
    [InlineData("554 5.7.1 Message blocked by policy (in reply to end of DATA command) esa1.example.iphmx.com", "Cisco IronPort")]
    public void Named_gateways_are_named(string text, string gateway)
    {
        var r = Text(text);
        r.Scenario.ShouldBe(Scenario.SecurityGatewayBlock);
        r.Named.ShouldBe(gateway);
        r.Actor.ShouldBe(Actor.RecipientIt);
    }

    [Fact]
    public void Missing_reverse_dns_is_the_senders_authentication_problem()
    {
        var r = Text("550 5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP.");
        r.Reason.ShouldBe(Reason.RequirePtr);
        r.Scenario.ShouldBe(Scenario.SenderAuthentication);
        r.Actor.ShouldBe(Actor.Sender);
    }

    [Fact]
    public void Relay_denied_is_a_policy_block()
    {
        var r = Text("554 5.7.1 <user@example.net>: Relay access denied");
        r.Reason.ShouldBe(Reason.NoRelaying);
        r.Scenario.ShouldBe(Scenario.PolicyBlock);
        r.Suppress.ShouldBe(SuppressAdvice.Hold);
    }

    [Fact]
    public void A_reply_that_says_nothing_useful_is_unknown_and_held()
    {
        var r = Text("554 Transaction failed");
        r.Scenario.ShouldBe(Scenario.Unknown);
        r.Suppress.ShouldNotBe(SuppressAdvice.Suspend);
    }

    [Fact]
    public void A_positive_reply_is_not_a_bounce() =>
        BounceClassifier.ClassifyReply(new SmtpReply(250, "2.0.0", "2.0.0 OK")).Kind.ShouldBe(ReportKind.NotABounce);

    [Fact]
    public void Multi_line_replies_are_read_whole()
    {
        var reply = SmtpReply.FromText(550, "5.7.1 This message was blocked because its content presents a potential\n5.7.1 security issue. Please visit https://support.google.com/mail/?p=BlockedMessage");
        var r = BounceClassifier.ClassifyReply(reply, "a@example.net", SmtpStage.Data).Records.ShouldHaveSingleItem();
        r.Reason.ShouldBe(Reason.PolicyViolation);
        r.Recipient.ShouldBe("a@example.net");
    }

    private static BounceRecord Reply(int code, string text, SmtpStage stage) =>
        BounceClassifier.ClassifyReply(SmtpReply.FromText(code, text), "rcpt@example.net", stage).Records.ShouldHaveSingleItem();

    private static BounceRecord Text(string text) => BounceClassifier.ClassifyText(text).Records.ShouldHaveSingleItem();
}
