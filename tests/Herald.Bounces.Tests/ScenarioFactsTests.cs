namespace Herald.Bounces.Tests;

public sealed class ScenarioFactsTests
{
    [Fact]
    public void Every_scenario_has_its_facts()
    {
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            ScenarioFacts.Of(scenario).Scenario.ShouldBe(scenario);
        }
    }

    [Fact]
    public void Only_a_mailbox_or_domain_that_does_not_exist_is_hard()
    {
        Enum.GetValues<Scenario>().Where(s => ScenarioFacts.Of(s).Hard)
            .ShouldBe([Scenario.MailboxDoesNotExist, Scenario.DomainDoesNotExist], ignoreOrder: true);
    }

    [Fact]
    public void Blocks_are_never_the_address_s_fault_and_never_count_against_it()
    {
        var blocks = Enum.GetValues<Scenario>().Where(s => ScenarioFacts.Of(s).IsBlock).ToArray();
        blocks.ShouldBe([Scenario.SecurityGatewayBlock, Scenario.Blocklisted, Scenario.SenderAuthentication, Scenario.ContentFlaggedAsSpam,
            Scenario.PolicyBlock], ignoreOrder: true);
        blocks.ShouldAllBe(s => !ScenarioFacts.Of(s).CountsAgainstAddress && !ScenarioFacts.Of(s).Hard);
    }

    [Fact]
    public void Only_a_full_or_disabled_mailbox_counts_towards_a_temporary_suspension()
    {
        Enum.GetValues<Scenario>().Where(s => ScenarioFacts.Of(s).CountsAgainstAddress)
            .ShouldBe([Scenario.MailboxFull, Scenario.AccountDisabled], ignoreOrder: true);
    }

    [Fact]
    public void A_permanent_reply_is_retried_only_for_blocks_that_are_often_lifted_within_hours()
    {
        Enum.GetValues<Scenario>().Where(s => ScenarioFacts.Of(s).RetryPermanentReply)
            .ShouldBe([Scenario.SecurityGatewayBlock, Scenario.Blocklisted, Scenario.SenderAuthentication], ignoreOrder: true);
    }

    [Theory]
    [InlineData(550, SmtpStage.RcptTo, true)]
    [InlineData(552, SmtpStage.RcptTo, false)]
    [InlineData(552, SmtpStage.Data, true)]
    [InlineData(535, SmtpStage.Auth, false)]
    [InlineData(451, SmtpStage.RcptTo, false)]
    public void A_reply_is_final_by_its_code_and_stage(int code, SmtpStage stage, bool permanent)
    {
        var reply = SmtpReply.FromText(code, "x");
        reply.IsPermanentAt(stage).ShouldBe(permanent);
        BounceClassifier.ClassifyReply(reply, "a@example.com", stage).Records[0].Delayed.ShouldBe(!permanent);
    }

    [Fact]
    public void A_report_is_delayed_only_when_its_action_says_so()
    {
        const string dsn = "From: MAILER-DAEMON@mx.example.com\r\nTo: b-x@bounces.example.com\r\nSubject: Delayed Mail (still being retried)\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n--B\r\n" +
            "Content-Type: text/plain\r\n\r\nThis is just a warning.\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\n" +
            "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; ana@example.com\r\nAction: delayed\r\nStatus: 4.4.1\r\n" +
            "Diagnostic-Code: smtp; 451 4.4.1 connection timed out\r\n--B--\r\n";
        var records = BounceClassifier.ClassifyEmail(System.Text.Encoding.ASCII.GetBytes(dsn)).Records;
        records.ShouldNotBeEmpty();
        records[0].Delayed.ShouldBeTrue();
    }
}
