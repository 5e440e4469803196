using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Core.Feedback;

namespace Herald.Core.Tests.Feedback;

public sealed class SuppressionPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly SuppressionPolicyOptions _options = new();

    private SuppressionPolicy Policy => new(_options);

    private UnblockPolicy Unblocks => new(_options);

    private static FeedbackSignal Reply(string text, DateTimeOffset at, bool temporary = false, string id = "msg_1")
    {
        var reply = SmtpReply.FromText(int.Parse(text[..3]), text[4..]);
        return new FeedbackSignal("ana@example.com", at, FeedbackKind.Bounce, id, BounceClassifier.ClassifyReply(reply, "ana@example.com").Records[0], temporary);
    }

    private static AddressLedger Empty => AddressLedger.Empty("ana@example.com");

    [Fact]
    public void A_returned_4xx_user_unknown_that_ran_out_of_time_never_suspends_the_address()
    {
        // RFC 3463: 4.X.X is persistent transient. The MTA gave up (Action: failed), but the address is not known bad.
        var dsn = "From: MAILER-DAEMON@mx.example.org\nTo: bounces@app.example\nSubject: Undelivered Mail\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; ana@example.com\nAction: failed\nStatus: 4.1.1\n"
            + "Diagnostic-Code: smtp; 450 4.1.1 <ana@example.com>: Recipient address rejected: User unknown\n\n--b--\n";
        var record = BounceClassifier.ClassifyEmail(System.Text.Encoding.UTF8.GetBytes(dsn)).Records.ShouldHaveSingleItem();
        record.Delayed.ShouldBeFalse();
        var decision = Policy.Apply(Empty, new FeedbackSignal("ana@example.com", T0, FeedbackKind.Bounce, "msg_1", record, record.Delayed, Returned: true));
        decision.Next.Suspension.ShouldBeNull();
    }

    [Fact]
    public void A_mailbox_full_streak_of_five_over_three_days_suspends_temporarily_and_the_suspension_expires()
    {
        var ledger = Empty;
        for (var i = 0; i < 5; i++)
        {
            ledger = Policy.Apply(ledger, Reply("452 4.2.2 Mailbox full", T0 + TimeSpan.FromHours(18 * i), temporary: true)).Next;
        }

        var s = ledger.SuspensionAt(T0 + TimeSpan.FromHours(73)).ShouldNotBeNull();
        s.Reason.ShouldBe(SuppressionReason.PersistentSoftFailure);
        s.ExpiresAt.ShouldBe(T0 + TimeSpan.FromHours(72) + _options.SoftSuspension);
        ledger.SuspensionAt(s.ExpiresAt!.Value).ShouldBeNull();
        var after = Policy.Apply(ledger, new FeedbackSignal("ana@example.com", s.ExpiresAt.Value, FeedbackKind.Delivered, "msg_9", null, false));
        after.History.Select(h => h.Action).ShouldContain("expired");
    }

    [Fact]
    public void Five_mailbox_full_replies_in_one_day_do_not_suspend_and_a_delivery_resets_the_streak()
    {
        var ledger = Empty;
        for (var i = 0; i < 5; i++)
        {
            ledger = Policy.Apply(ledger, Reply("452 4.2.2 Mailbox full", T0 + TimeSpan.FromHours(i), temporary: true)).Next;
        }

        ledger.Suspension.ShouldBeNull();
        ledger.SoftFailures.ShouldBe(5);
        ledger = Policy.Apply(ledger, new FeedbackSignal("ana@example.com", T0 + TimeSpan.FromHours(6), FeedbackKind.Delivered, "m", null, false)).Next;
        ledger.SoftFailures.ShouldBe(0);
        ledger.Problem.ShouldBeNull();
    }

    [Fact]
    public void The_delivery_of_a_message_whose_hard_bounce_came_back_first_is_no_news_while_another_messages_delivery_is()
    {
        // The DSN raced the attempt's commit: the report was applied first, the delivery outcome arrives after it.
        var dsn = Reply("550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown", T0) with { Returned = true };
        var suspended = Policy.Apply(Empty, dsn).Next;
        suspended.Suspension.ShouldNotBeNull().EvidenceMessageId.ShouldBe("msg_1");

        var same = Policy.Apply(suspended, new FeedbackSignal("ana@example.com", T0.AddSeconds(1), FeedbackKind.Delivered, "msg_1", null, false));
        var other = Policy.Apply(suspended, new FeedbackSignal("ana@example.com", T0.AddSeconds(1), FeedbackKind.Delivered, "msg_0", null, false));

        same.Notices.ShouldBeEmpty("the application already heard 'bounced'; a 'delivered' after it would undo that");
        same.Next.ShouldBe(suspended);
        other.Notices.ShouldHaveSingleItem().Type.ShouldBe("delivered");
    }

    [Fact]
    public void A_blocklist_rejection_never_suspends_however_often()
    {
        var ledger = Empty;
        for (var i = 0; i < 20; i++)
        {
            ledger = Policy.Apply(ledger, Reply("554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org", T0 + TimeSpan.FromDays(i))).Next;
        }

        ledger.Suspension.ShouldBeNull();
        ledger.Problem.ShouldNotBeNull().Actor.ShouldBe(Actor.Sender);
    }

    [Fact]
    public void A_complaint_outranks_a_hard_bounce_and_a_later_bounce_does_not_weaken_it()
    {
        var ledger = Policy.Apply(Empty, Reply("550 5.1.1 User unknown", T0)).Next;
        ledger = Policy.Apply(ledger, new FeedbackSignal("ana@example.com", T0.AddHours(1), FeedbackKind.Complaint, "msg_2", null, false)).Next;
        ledger = Policy.Apply(ledger, Reply("550 5.1.1 User unknown", T0.AddHours(2))).Next;
        ledger.Suspension!.Reason.ShouldBe(SuppressionReason.Complaint);
        ledger.Suspension.Since.ShouldBe(T0.AddHours(1));
    }

    [Fact]
    public void The_owner_may_unblock_once_a_week_and_three_times_in_ninety_days()
    {
        var ledger = Policy.Apply(Empty, Reply("550 5.1.1 User unknown", T0)).Next;
        var now = T0;
        for (var i = 0; i < 3; i++)
        {
            var (verdict, decision) = Unblocks.Unblock(ledger, now);
            verdict.Allowed.ShouldBeTrue($"unblock {i + 1}");
            ledger = Policy.Apply(decision.Next, Reply("550 5.1.1 User unknown", now.AddMinutes(1))).Next;
            var (refused, _) = Unblocks.Unblock(ledger, now.AddDays(1));
            refused.Allowed.ShouldBeFalse();
            refused.NotBefore.ShouldBe(now + TimeSpan.FromDays(7));
            now += TimeSpan.FromDays(8);
        }

        var (fourth, _) = Unblocks.Unblock(ledger, now);
        fourth.Allowed.ShouldBeFalse();
        fourth.NotBefore.ShouldBe(T0 + TimeSpan.FromDays(90));
    }

    [Fact]
    public void An_operators_suspension_is_only_lifted_by_an_operator()
    {
        var ledger = UnblockPolicy.OperatorAdd(Empty, T0, "sam", "legal request", null).Next;
        Unblocks.Unblock(ledger, T0.AddDays(30)).Verdict.Allowed.ShouldBeFalse();
        var removed = UnblockPolicy.OperatorRemove(ledger, T0.AddDays(30), "kim", "resolved");
        removed.Next.Suspension.ShouldBeNull();
        removed.History.ShouldHaveSingleItem().Actor.ShouldBe("operator:kim");
    }

    [Fact]
    public void Retries_of_the_same_block_write_one_audit_line_not_one_per_attempt()
    {
        var text = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550";
        var first = Policy.Apply(Empty, Reply(text, T0));
        var second = Policy.Apply(first.Next, Reply(text, T0.AddMinutes(5)));
        first.History.ShouldHaveSingleItem().Action.ShouldBe("problem");
        second.History.ShouldBeEmpty();
        second.Next.Problem!.At.ShouldBe(T0.AddMinutes(5));
    }

    [Fact]
    public void A_new_gray_box_problem_is_told_to_the_application_once_with_the_reply_exactly_as_received()
    {
        var text = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550";
        var first = Policy.Apply(Empty, Reply(text, T0));
        var second = Policy.Apply(first.Next, Reply(text, T0.AddMinutes(5)));

        var problem = first.Notices.Where(n => n.Type == "problem").ShouldHaveSingleItem();
        (problem.Reason, problem.Detail).ShouldBe((first.Next.Problem!.Scenario.ToWire(), first.Next.Problem.Reply));
        second.Notices.ShouldNotContain(n => n.Type == "problem");
    }

    [Fact]
    public void A_Mimecast_anti_spoofing_refusal_is_a_gateway_block_retried_within_the_TTL_not_a_failure_of_the_address()
    {
        var reply = SmtpReply.FromText(550, "Rejected by header based Anti-Spoofing policy: notifications@herald.example - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]");
        var record = BounceClassifier.ClassifyReply(reply, "ana@example.com").Records[0];
        (record.Scenario, record.Actor, record.Named).ShouldBe((Scenario.SecurityGatewayBlock, Actor.RecipientIt, "Mimecast"));
        OutcomePolicy.Decide(new SmtpSendResult.Rejected(reply, SmtpStage.RcptTo, "mx.example.com", TimeSpan.Zero), 1, T0, T0.AddDays(1), 0.5)
            .ShouldBeOfType<DeliveryOutcome.Deferred>();
    }
}
