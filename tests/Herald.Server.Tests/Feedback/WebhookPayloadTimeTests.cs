using System.Text.Json;
using Herald.Core.Feedback;
using Herald.Server.Feedback;
using Microsoft.Extensions.Options;

namespace Herald.Server.Tests.Feedback;

/// <summary>Event payloads carry times as the stores keep them, so an event and the stored row of one fact agree.</summary>
public sealed class WebhookPayloadTimeTests
{
    private static readonly DateTimeOffset SubMillisecond = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static WebhookOutboxFactory Outbox() => new(Options.Create(new FeedbackOptions
    {
        Webhooks = { ["app"] = new WebhookEndpointOptions { Url = "http://127.0.0.1:1/hook", Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } },
    }));

    [Fact]
    public void An_incident_opened_at_a_sub_millisecond_instant_reports_the_millisecond_its_stored_last_hit_has()
    {
        var incident = new DomainIncident("inc_1", "corp.example", "sig", SubMillisecond, SubMillisecond, 3, "550 blocked");

        var opened = JsonDocument.Parse(Outbox().Rows([new IncidentNotice(IncidentLifecycle.Opened, SubMillisecond, incident)]).ShouldHaveSingleItem().Payload).RootElement;

        var stored = DateTimeOffset.FromUnixTimeMilliseconds(SubMillisecond.ToUnixTimeMilliseconds());
        opened.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(stored);
        opened.GetProperty("data").GetProperty("lastAt").GetDateTimeOffset().ShouldBe(stored);
        opened.GetProperty("data").GetProperty("firstAt").GetDateTimeOffset().ShouldBe(stored);
    }

    [Fact]
    public void An_address_event_carries_its_time_to_the_millisecond()
    {
        var row = Outbox().Rows([new FeedbackNotice("bounced", "a@corp.example", SubMillisecond, "msg_1", "hard-bounce", null)]).ShouldHaveSingleItem();

        JsonDocument.Parse(row.Payload).RootElement.GetProperty("timestamp").GetString().ShouldBe("2026-11-30T12:00:00.123+00:00");
    }
}
