using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Herald.Server.Providers;
using Herald.Server.Tests.Providers;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

/// <summary>A provider event without a time of its own is refused, never dated year 1 (real Herald, real webhook endpoint).</summary>
public sealed class ProviderTimestampTests : IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await HeraldTestHost.StartAsync(null, new() { ["Herald:Providers:Mailgun:SigningKey"] = MailgunTestPayloads.SigningKey });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static string TemporaryFailure(string id, Action<JsonObject> change)
    {
        var data = JsonNode.Parse(MailgunTestPayloads.TemporaryFailure)!.AsObject();
        data["id"] = id;
        data["recipient"] = "tim@example.com";
        change(data);
        return data.ToJsonString();
    }

    private async Task<(HttpStatusCode Status, string Body, string? MediaType)> PostAsync(string eventData, string token)
    {
        using var response = await _host.Http.PostAsync("/v1/providers/mailgun",
            new StringContent(MailgunTestPayloads.Body(eventData, DateTimeOffset.UtcNow, token), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_Mailgun_soft_failures_without_a_timestamp_are_refused_and_suspend_nobody()
    {
        // The finding: Mailgun events without timestamp were dated year 1, and five such soft failures in one second
        // suspended the address for 7 days.
        for (var i = 0; i < 5; i++)
        {
            var (status, body, mediaType) = await PostAsync(TemporaryFailure($"no-time-{i}", d => d.Remove("timestamp")), $"token-no-time-{i}");
            status.ShouldBe(HttpStatusCode.BadRequest, body);
            mediaType.ShouldBe("application/problem+json");
            body.ShouldContain("timestamp");
        }

        (await RecipientStatus.GetAsync(_host, "tim@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("-1")]
    [InlineData("1e300")]
    [InlineData("null")]
    public async Task A_Mailgun_timestamp_that_is_not_a_time_is_refused(string timestamp)
    {
        var (status, body, _) = await PostAsync(TemporaryFailure("bad-time-" + timestamp.GetHashCode(StringComparison.Ordinal), d => d["timestamp"] = JsonNode.Parse(timestamp)),
            "token-bad-time-" + timestamp.GetHashCode(StringComparison.Ordinal));
        status.ShouldBe(HttpStatusCode.BadRequest, body);
    }

    [Fact]
    public void An_SES_notification_with_no_time_anywhere_is_malformed()
    {
        var ses = JsonNode.Parse(SesFixtures.DeliveryDelay)!.AsObject();
        ses["deliveryDelay"]!.AsObject().Remove("timestamp");
        ses["mail"]!.AsObject().Remove("timestamp");
        var parsed = SesEventParser.Parse(new SnsMessage("Notification", "sns-no-time", SnsTestSigner.TopicArn, ses.ToJsonString(),
            "not a time", "1", "sig", SnsTestSigner.CertUrl));
        parsed.IsMalformed.ShouldBeTrue();
        parsed.Note!.ShouldContain("timestamp");
    }
}
