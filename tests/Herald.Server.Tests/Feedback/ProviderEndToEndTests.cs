using System.Net;
using System.Text.Json;
using Herald.Server.Providers;
using Herald.Server.Tests.Providers;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Feedback;

/// <summary>Provider webhooks through Herald's real endpoints, replay guard and store (SNS certificates from a recording source).</summary>
public sealed class ProviderEndToEndTests : IAsyncLifetime
{
    private const string Ses = "/v1/providers/ses";
    private readonly SnsTestSigner _sns = new(DateTimeOffset.UtcNow);
    private readonly string _data = Directory.CreateTempSubdirectory("herald-provider-").FullName;
    private RecordingCertificateSource _certificates = null!;
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _certificates = new RecordingCertificateSource(_sns.Certificate);
        _host = await StartAsync();
    }

    private Task<HeraldTestHost> StartAsync() => HeraldTestHost.StartAsync(null, new()
    {
        ["Herald:DataDirectory"] = _data,
        ["Herald:Providers:Ses:AllowedTopicArns:0"] = SnsTestSigner.TopicArn,
        ["Herald:Providers:Mailgun:SigningKey"] = MailgunTestPayloads.SigningKey,
    }, s => s.AddSingleton<ISigningCertificateSource>(_certificates));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _sns.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<(HttpStatusCode, string)> PostAsync(string path, string body)
    {
        using var response = await _host.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "text/plain"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> SuspendedEntriesAsync(string address)
    {
        var detail = await _host.Http.GetStringAsync($"/v1/suppressions/{Uri.EscapeDataString(address)}");
        return JsonDocument.Parse(detail).RootElement.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "suspended");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task A_genuine_SES_bounce_signed_with_SNS_v1_or_v2_suspends_the_address(string version)
    {
        var (status, text) = await PostAsync(Ses, _sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce, $"bounce-v{version}"), version));
        status.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldBe("applied");
        var s = (await RecipientStatus.GetAsync(_host, "jane@example.com")).GetProperty("suspension");
        s.GetProperty("reason").GetString().ShouldBe("hard-bounce");
        s.GetProperty("source").GetString().ShouldBe("provider");
        s.GetProperty("evidence").GetString()!.ShouldContain("5.1.1");
    }

    [Fact]
    public async Task A_forged_notification_is_refused_fetches_nothing_and_changes_nothing()
    {
        var fields = SnsTestSigner.Notification(SesFixtures.Bounce, "forged");
        fields["SigningCertURL"] = "https://sns.us-east-1.amazonaws.com.evil.com/cert.pem";
        (await PostAsync(Ses, _sns.Sign(fields))).Item1.ShouldBe(HttpStatusCode.Forbidden);

        var tampered = _sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce, "tampered")).Replace("5.1.1", "5.1.2", StringComparison.Ordinal);
        (await PostAsync(Ses, tampered)).Item1.ShouldBe(HttpStatusCode.Forbidden);

        _certificates.Requested.ShouldAllBe(u => u.ToString() == SnsTestSigner.CertUrl);
        (await RecipientStatus.GetAsync(_host, "jane@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task A_replayed_event_applies_once_even_after_a_restart()
    {
        var body = _sns.Sign(SnsTestSigner.Notification(SesFixtures.Complaint, "complaint-1"));
        (await PostAsync(Ses, body)).Item2.ShouldBe("applied");
        (await PostAsync(Ses, body)).Item2.ShouldBe("duplicate");
        (await RecipientStatus.GetAsync(_host, "richard@example.com")).GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("complaint");

        // Operator lifts it; a replay of the old complaint after a restart must not suspend the address again.
        (await RecipientStatus.PostAsync(_host, "/v1/suppressions/richard%40example.com/remove", new { @operator = "sam", note = "test" })).Code.ShouldBe(200);
        await _host.DisposeAsync();
        _host = await StartAsync();
        (await PostAsync(Ses, body)).Item2.ShouldBe("duplicate");
        (await RecipientStatus.GetAsync(_host, "richard@example.com")).GetProperty("status").GetString().ShouldBe("ok");
        (await SuspendedEntriesAsync("richard@example.com")).ShouldBe(1);
    }

    [Fact]
    public async Task A_signed_Mailgun_permanent_failure_suspends_the_address_once()
    {
        var body = MailgunTestPayloads.Body(MailgunTestPayloads.PermanentFailure, DateTimeOffset.UtcNow, "token-" + Guid.NewGuid().ToString("N"));
        var (status, text) = await PostAsync("/v1/providers/mailgun", body);
        status.ShouldBe(HttpStatusCode.OK, text);
        // The same delivery again: a reused signature token is refused as a replay (403); either way nothing is applied twice.
        (await PostAsync("/v1/providers/mailgun", body)).Item1.ShouldBe(HttpStatusCode.Forbidden);
        (await RecipientStatus.GetAsync(_host, "alice@example.com")).GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("hard-bounce");
        (await SuspendedEntriesAsync("alice@example.com")).ShouldBe(1);
    }
}
