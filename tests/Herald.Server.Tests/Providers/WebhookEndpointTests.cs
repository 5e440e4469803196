using System.Net;
using System.Text.Json;
using Herald.Core.Inbound;

namespace Herald.Server.Tests.Providers;

/// <summary>End to end over HTTP against a real Kestrel on 127.0.0.1.</summary>
public sealed class WebhookEndpointTests
{
    private const string Ses = "/v1/providers/ses";
    private const string Mailgun = "/v1/providers/mailgun";

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
    }

    [Fact]
    public async Task Genuine_SES_bounce_is_handed_to_the_sink_and_answered_200()
    {
        await using var host = await WebhookHost.StartAsync();

        var response = await host.PostAsync(Ses, host.Sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce, "msg-1"), "2"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var e = host.Sink.Events.ShouldHaveSingleItem();
        (e.Provider, e.Id, e.Kind).ShouldBe(("ses", "msg-1", ProviderEventKind.Bounce));
        e.Recipients.ShouldHaveSingleItem().Address.ShouldBe("jane@example.com");
    }

    [Fact]
    public async Task Replayed_SNS_notification_is_applied_once()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = host.Sns.Sign(SnsTestSigner.Notification(SesFixtures.Complaint, "msg-2"));

        (await host.PostAsync(Ses, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replay = await host.PostAsync(Ses, body);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync()).ShouldBe("duplicate");
        host.Sink.Events.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("https://s3.amazonaws.com/bucket/cert.pem")]
    [InlineData("https://sns.evil.com/cert.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.com/cert.pem")]
    [InlineData("http://sns.us-east-1.amazonaws.com/cert.pem")]
    public async Task Forged_certificate_URL_gets_403_and_nothing_is_fetched(string certUrl)
    {
        await using var host = await WebhookHost.StartAsync();
        var fields = SnsTestSigner.Notification(SesFixtures.Bounce);
        fields["SigningCertURL"] = certUrl;

        var response = await host.PostAsync(Ses, host.Sns.Sign(fields));

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
        host.Certificates.Requested.ShouldBeEmpty();
        host.Sink.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tampered_message_gets_403()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = host.Sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce)).Replace("Permanent", "Permanenu", StringComparison.Ordinal);

        await ShouldBeProblemAsync(await host.PostAsync(Ses, body), HttpStatusCode.Forbidden);
        host.Sink.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_body_gets_400_problem_details()
    {
        await using var host = await WebhookHost.StartAsync();

        await ShouldBeProblemAsync(await host.PostAsync(Ses, "{\"Type\":"), HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(await host.PostAsync(Mailgun, "{not json"), HttpStatusCode.BadRequest);

        // Well-formed but unsigned is not "malformed": it is not authentic.
        await ShouldBeProblemAsync(await host.PostAsync(Mailgun, "{}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Subscription_is_confirmed_only_when_genuine_and_from_an_allowed_topic()
    {
        await using var host = await WebhookHost.StartAsync();
        var foreign = SnsTestSigner.SubscriptionConfirmation();
        foreign["TopicArn"] = "arn:aws:sns:us-east-1:999999999999:not-ours";

        await ShouldBeProblemAsync(await host.PostAsync(Ses, host.Sns.Sign(foreign)), HttpStatusCode.Forbidden);
        host.Confirmer.Confirmed.ShouldBeEmpty();

        (await host.PostAsync(Ses, host.Sns.Sign(SnsTestSigner.SubscriptionConfirmation()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Confirmer.Confirmed.ShouldHaveSingleItem().AbsoluteUri.ShouldStartWith("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription");
    }

    [Fact]
    public async Task Sink_failure_answers_503_and_the_retry_is_applied()
    {
        await using var host = await WebhookHost.StartAsync();
        host.Sink.FailNext(1);
        var body = host.Sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce, "msg-3"));

        await ShouldBeProblemAsync(await host.PostAsync(Ses, body), HttpStatusCode.ServiceUnavailable);
        (await host.PostAsync(Ses, body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Sink.Events.ShouldHaveSingleItem().Id.ShouldBe("msg-3");
    }

    [Fact]
    public async Task Mailgun_good_signature_is_applied()
    {
        await using var host = await WebhookHost.StartAsync();

        var response = await host.PostAsync(Mailgun, MailgunTestPayloads.Body(MailgunTestPayloads.PermanentFailure, WebhookHost.Now, "tok-a"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Sink.Events.ShouldHaveSingleItem().Id.ShouldBe("G9Bn5sl1TC6nu79C8C0bwg");
    }

    [Fact]
    public async Task Mailgun_bad_signature_old_timestamp_and_replayed_token_get_403()
    {
        await using var host = await WebhookHost.StartAsync();
        var good = MailgunTestPayloads.Body(MailgunTestPayloads.PermanentFailure, WebhookHost.Now, "tok-b");
        var badSignature = MailgunTestPayloads.Body(MailgunTestPayloads.PermanentFailure, WebhookHost.Now, "tok-c", new string('a', 64));
        var old = MailgunTestPayloads.Body(MailgunTestPayloads.PermanentFailure, WebhookHost.Now.AddMinutes(-6), "tok-d");

        await ShouldBeProblemAsync(await host.PostAsync(Mailgun, badSignature), HttpStatusCode.Forbidden);
        await ShouldBeProblemAsync(await host.PostAsync(Mailgun, old), HttpStatusCode.Forbidden);
        (await host.PostAsync(Mailgun, good)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblemAsync(await host.PostAsync(Mailgun, good), HttpStatusCode.Forbidden);

        host.Sink.Events.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Mailgun_event_resent_with_a_fresh_signature_is_applied_once()
    {
        await using var host = await WebhookHost.StartAsync();

        (await host.PostAsync(Mailgun, MailgunTestPayloads.Body(MailgunTestPayloads.Complained, WebhookHost.Now, "tok-e"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await host.PostAsync(Mailgun, MailgunTestPayloads.Body(MailgunTestPayloads.Complained, WebhookHost.Now, "tok-f"));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldBe("duplicate");
        host.Sink.Events.ShouldHaveSingleItem().Kind.ShouldBe(ProviderEventKind.Complaint);
    }

    [Fact]
    public async Task Oversized_body_is_refused_before_it_is_read_whole()
    {
        await using var host = await WebhookHost.StartAsync();

        var response = await host.PostAsync(Ses, new string('x', 400 * 1024));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
