using Herald.Bounces;
using Herald.Core.Delivery;

namespace Herald.Core.Tests.Delivery;

public sealed class OutcomePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InADay = Now.AddDays(1);

    private static DeliveryOutcome Decide(SmtpSendResult result, int attempt = 1, DateTimeOffset? expires = null) =>
        OutcomePolicy.Decide(result, attempt, Now, expires ?? InADay, 0.5);

    private static SmtpSendResult.Rejected Rejected(int code, string text, SmtpStage stage = SmtpStage.RcptTo) =>
        new SmtpSendResult.Rejected(SmtpReply.FromText(code, text), stage, "mx.example.com", TimeSpan.FromMilliseconds(5));

    [Fact]
    public void Reply_250_is_delivered_with_host_reply_and_duration()
    {
        var outcome = Decide(new SmtpSendResult.Accepted(SmtpReply.FromText(250, "2.0.0 Ok: queued as 4F2"), "mx.example.com", TimeSpan.FromMilliseconds(12)));
        var delivered = outcome.ShouldBeOfType<DeliveryOutcome.Delivered>();
        delivered.RemoteHost.ShouldBe("mx.example.com");
        delivered.Reply.Text.ShouldBe("2.0.0 Ok: queued as 4F2");
        delivered.Duration.ShouldBe(TimeSpan.FromMilliseconds(12));
    }

    [Fact]
    public void Reply_451_is_deferred_with_backoff()
    {
        var outcome = Decide(Rejected(451, "4.7.1 Greylisted, try again later"), attempt: 2);
        var deferred = outcome.ShouldBeOfType<DeliveryOutcome.Deferred>();
        deferred.RetryAt.ShouldBe(Now.AddMinutes(5));
        deferred.Reply!.EnhancedStatus.ShouldBe("4.7.1");
    }

    [Fact]
    public void Reply_550_fails_keeping_the_full_text_and_enhanced_code()
    {
        var outcome = Decide(Rejected(550, "5.1.1 <bob@example.com>: Recipient address rejected: User unknown"));
        var failed = outcome.ShouldBeOfType<DeliveryOutcome.Failed>();
        failed.Reply!.Code.ShouldBe(550);
        failed.Reply.EnhancedStatus.ShouldBe("5.1.1");
        failed.Reply.Text.ShouldBe("5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
    }

    [Fact]
    public void Reply_552_to_RCPT_is_transient_per_RFC_5321_4_5_3_1_10() =>
        Decide(Rejected(552, "5.5.3 Too many recipients")).ShouldBeOfType<DeliveryOutcome.Deferred>();

    [Fact]
    public void Reply_552_to_DATA_is_permanent() =>
        Decide(Rejected(552, "5.3.4 Message size exceeds fixed limit", SmtpStage.Data)).ShouldBeOfType<DeliveryOutcome.Failed>();

    [Fact]
    public void Reply_535_to_AUTH_is_deferred_because_the_relay_credentials_are_ours_to_fix() =>
        Decide(Rejected(535, "5.7.8 Authentication credentials invalid", SmtpStage.Auth)).ShouldBeOfType<DeliveryOutcome.Deferred>();

    [Theory]
    [InlineData(TransportFailureKind.ConnectFailed)]
    [InlineData(TransportFailureKind.Timeout)]
    [InlineData(TransportFailureKind.ConnectionLost)]
    [InlineData(TransportFailureKind.DnsTemporaryFailure)]
    [InlineData(TransportFailureKind.TlsFailed)]
    [InlineData(TransportFailureKind.ProtocolError)]
    public void Connection_level_failures_are_deferred(TransportFailureKind kind) =>
        Decide(new SmtpSendResult.TransportFailure(kind, "detail", null, TimeSpan.Zero)).ShouldBeOfType<DeliveryOutcome.Deferred>();

    [Theory]
    [InlineData(TransportFailureKind.DomainNotFound)]
    [InlineData(TransportFailureKind.NullMx)]
    public void A_domain_that_cannot_receive_mail_fails_at_once(TransportFailureKind kind) =>
        Decide(new SmtpSendResult.TransportFailure(kind, "example.invalid", null, TimeSpan.Zero)).ShouldBeOfType<DeliveryOutcome.Failed>();

    [Fact]
    public void A_retry_that_would_land_after_the_time_to_live_expires_the_message_instead()
    {
        var outcome = Decide(Rejected(451, "4.3.0 try later"), attempt: 3, expires: Now.AddMinutes(10));
        var expired = outcome.ShouldBeOfType<DeliveryOutcome.Expired>();
        expired.Reason.ShouldContain("451");
    }

    [Fact]
    public void A_rejection_carries_its_classification_for_the_ledger()
    {
        var outcome = OutcomePolicy.Decide(Rejected(550, "5.1.1 <bob@example.com>: Recipient address rejected: User unknown"), 1, Now, InADay, 0.5, "bob@example.com");
        var failed = outcome.ShouldBeOfType<DeliveryOutcome.Failed>();
        var record = failed.Classification.ShouldNotBeNull();
        record.Scenario.ShouldBe(Scenario.MailboxDoesNotExist);
        record.Recipient.ShouldBe("bob@example.com");
        record.Delayed.ShouldBeFalse();
    }

    [Fact]
    public void A_deferral_carries_its_classification_too()
    {
        var deferred = Decide(Rejected(452, "4.2.2 Mailbox full")).ShouldBeOfType<DeliveryOutcome.Deferred>();
        var record = deferred.Classification.ShouldNotBeNull();
        record.Scenario.ShouldBe(Scenario.MailboxFull);
        record.Delayed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(TransportFailureKind.DomainNotFound, "5.1.2")]
    [InlineData(TransportFailureKind.NullMx, "5.1.10")]
    public void A_domain_that_cannot_receive_mail_is_classified_as_a_domain_that_does_not_exist(TransportFailureKind kind, string status)
    {
        var failed = Decide(new SmtpSendResult.TransportFailure(kind, "example.invalid", null, TimeSpan.Zero)).ShouldBeOfType<DeliveryOutcome.Failed>();
        var record = failed.Classification.ShouldNotBeNull();
        record.Scenario.ShouldBe(Scenario.DomainDoesNotExist);
        record.Status.ShouldBe(status);
        record.Suppress.ShouldBe(SuppressAdvice.Suspend);
        ScenarioFacts.Of(record.Scenario).Hard.ShouldBeTrue();
    }

    [Fact]
    public void A_policy_refusal_fails_at_once_while_a_blocklist_refusal_is_retried()
    {
        Decide(Rejected(550, "5.7.1 Message rejected due to local policy")).ShouldBeOfType<DeliveryOutcome.Failed>();
        Decide(Rejected(550, "5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org"))
            .ShouldBeOfType<DeliveryOutcome.Deferred>().Classification!.Scenario.ShouldBe(Scenario.Blocklisted);
    }
}
