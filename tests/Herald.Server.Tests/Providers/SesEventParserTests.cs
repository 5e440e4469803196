using Herald.Core.Inbound;
using Herald.Server.Providers;

namespace Herald.Server.Tests.Providers;

public sealed class SesEventParserTests
{
    private static EventParseResult Parse(string sesJson, string messageId = "sns-1") =>
        SesEventParser.Parse(new SnsMessage("Notification", messageId, SnsTestSigner.TopicArn, sesJson,
            "2026-11-26T12:00:00.000Z", "1", "sig", SnsTestSigner.CertUrl));

    [Fact]
    public void Bounce_becomes_a_bounce_event_keyed_by_the_SNS_MessageId()
    {
        var e = Parse(SesFixtures.Bounce, "7b1c0e5e-sns").Event.ShouldNotBeNull();

        e.Provider.ShouldBe("ses");
        e.Id.ShouldBe("7b1c0e5e-sns");
        e.Kind.ShouldBe(ProviderEventKind.Bounce);
        e.ProviderMessageId.ShouldBe("00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000");
        e.MessageIdHeader.ShouldBe("custom-message-ID@herald.example.com");
        e.ReturnPath.ShouldBe(SesFixtures.ReturnPath);
        e.Timestamp.ShouldBe(new DateTimeOffset(2016, 1, 27, 14, 59, 38, 237, TimeSpan.Zero));
        e.Recipients.ShouldBe([new ProviderRecipient("jane@example.com", "5.1.1", "smtp; 550 5.1.1 <jane@example.com>... User", "Permanent", "General")]);
    }

    [Fact]
    public void Complaint_carries_the_feedback_type()
    {
        var e = Parse(SesFixtures.Complaint).Event.ShouldNotBeNull();

        e.Kind.ShouldBe(ProviderEventKind.Complaint);
        e.MessageIdHeader.ShouldBe("complained@herald.example.com");
        e.Recipients.ShouldHaveSingleItem().ShouldBe(new ProviderRecipient("richard@example.com", ComplaintFeedbackType: "abuse"));
    }

    [Fact]
    public void Delivery_keeps_the_remote_reply()
    {
        var e = Parse(SesFixtures.Delivery).Event.ShouldNotBeNull();

        e.Kind.ShouldBe(ProviderEventKind.Delivery);
        e.Recipients.ShouldHaveSingleItem().ShouldBe(new ProviderRecipient("jane@example.com", DiagnosticCode: "250 ok:  Message 64111812 accepted"));
    }

    [Fact]
    public void Delivery_delay_from_event_publishing_uses_eventType()
    {
        var e = Parse(SesFixtures.DeliveryDelay).Event.ShouldNotBeNull();

        e.Kind.ShouldBe(ProviderEventKind.DeliveryDelay);
        e.MessageIdHeader.ShouldBeNull();
        e.Timestamp.ShouldBe(new DateTimeOffset(2020, 6, 16, 0, 25, 40, 95, TimeSpan.Zero));
        e.Recipients.ShouldHaveSingleItem().ShouldBe(new ProviderRecipient(
            "recipient@example.com", "4.4.1", "smtp; 421 4.4.1 Unable to connect to remote host", "Transient", "TransientCommunicationFailure"));
    }

    [Fact]
    public void Events_without_deliverability_meaning_are_acknowledged_and_ignored()
    {
        var result = Parse(SesFixtures.Send);

        result.Event.ShouldBeNull();
        result.IsMalformed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"notificationType":"Bounce","mail":{}}""")]
    [InlineData("""{"notificationType":"Bounce","bounce":{"bouncedRecipients":[]},"mail":{}}""")]
    public void Payloads_that_cannot_be_read_are_malformed(string json) => Parse(json).IsMalformed.ShouldBeTrue();

    [Fact]
    public void An_event_whose_id_or_recipient_holds_a_control_character_is_malformed()
    {
        Parse(SesFixtures.Bounce, "sns-\0").Note.ShouldBe("the event's id holds a control character");
        Parse(SesFixtures.Bounce.Replace("\"jane@example.com\",\"status\"", "\"jane\\u0000@example.com\",\"status\"", StringComparison.Ordinal))
            .Note.ShouldBe("the event's recipient address holds a control character");
        Parse(SesFixtures.Bounce).IsMalformed.ShouldBeFalse();
    }
}
