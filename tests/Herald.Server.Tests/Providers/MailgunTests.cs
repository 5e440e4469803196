using System.Globalization;
using System.Text.Json;
using Herald.Core.Inbound;
using Herald.Server.Providers;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Providers;

public sealed class MailgunTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly MailgunSignatureVerifier _verifier;

    public MailgunTests() =>
        _verifier = new MailgunSignatureVerifier(
            new MailgunWebhookOptions { SigningKey = MailgunTestPayloads.SigningKey }, new InMemoryReplayGuard(_time), _time);

    private Task<VerificationResult> VerifyAsync(DateTimeOffset signedAt, string token, string? signature = null)
    {
        var stamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var given = signature ?? MailgunTestPayloads.Hmac(stamp, token);
        return _verifier.VerifyAsync(new MailgunSignature(stamp, token, given), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Good_signature_verifies() =>
        (await VerifyAsync(Now, "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0")).ShouldBe(VerificationResult.Verified);

    [Fact]
    public async Task Uppercase_hex_is_the_same_signature()
    {
        var stamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        (await VerifyAsync(Now, "tok-upper", MailgunTestPayloads.Hmac(stamp, "tok-upper").ToUpperInvariant())).IsVerified.ShouldBeTrue();
    }

    [Theory]
    [InlineData("wrong-key-0000000000000000000")]
    [InlineData("")]
    public async Task Signature_made_with_another_key_is_refused(string key)
    {
        var stamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var result = await VerifyAsync(Now, "tok-1", MailgunTestPayloads.Hmac(stamp, "tok-1", key));

        result.ShouldBe(VerificationResult.Rejected("signature does not match"));
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("")]
    [InlineData("abc")]
    public async Task Signature_that_is_not_the_right_hex_is_refused(string signature) =>
        (await VerifyAsync(Now, "tok-2", signature)).Outcome.ShouldBe(VerificationOutcome.Rejected);

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Timestamp_more_than_5_minutes_away_is_refused(int offsetSeconds) =>
        (await VerifyAsync(Now.AddSeconds(offsetSeconds), "tok-3")).ShouldBe(VerificationResult.Rejected("timestamp is outside the accepted window"));

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public async Task Timestamp_within_5_minutes_is_accepted(int offsetSeconds) =>
        (await VerifyAsync(Now.AddSeconds(offsetSeconds), $"tok-4{offsetSeconds}")).IsVerified.ShouldBeTrue();

    [Fact]
    public async Task Replayed_token_is_refused()
    {
        (await VerifyAsync(Now, "tok-5")).IsVerified.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(30));

        (await VerifyAsync(Now, "tok-5")).ShouldBe(VerificationResult.Rejected("token was already used"));
    }

    [Fact]
    public async Task Forged_request_does_not_use_up_the_token()
    {
        (await VerifyAsync(Now, "tok-6", new string('0', 64))).Outcome.ShouldBe(VerificationOutcome.Rejected);

        (await VerifyAsync(Now, "tok-6")).IsVerified.ShouldBeTrue();
    }

    private static ProviderEvent Read(string eventData)
    {
        using var document = JsonDocument.Parse(MailgunTestPayloads.Body(eventData, Now, "t"));
        return MailgunPayloadReader.ReadEvent(document.RootElement).Event.ShouldNotBeNull();
    }

    [Fact]
    public void Permanent_failure_is_a_bounce_keyed_by_the_event_id()
    {
        var e = Read(MailgunTestPayloads.PermanentFailure);

        e.Provider.ShouldBe("mailgun");
        e.Id.ShouldBe("G9Bn5sl1TC6nu79C8C0bwg");
        e.Kind.ShouldBe(ProviderEventKind.Bounce);
        e.MessageIdHeader.ShouldBe("20130503182626.18666.16540@herald.example.com");
        e.ReturnPath.ShouldBe("b-7f3a9c@bounces.example.com");
        e.Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1521233195375));
        e.Recipients.ShouldBe([new ProviderRecipient("alice@example.com", "550",
            "550 5.1.1 The email account that you tried to reach does not exist", "permanent", "bounce")]);
    }

    [Fact]
    public void Temporary_failure_is_a_delay_with_the_enhanced_code()
    {
        var e = Read(MailgunTestPayloads.TemporaryFailure);

        e.Kind.ShouldBe(ProviderEventKind.DeliveryDelay);
        e.MessageIdHeader.ShouldBe("20130503192659.13651.20287@herald.example.com");
        e.Recipients.ShouldHaveSingleItem().Status.ShouldBe("4.2.2");
    }

    [Fact]
    public void Complaint_and_delivery_are_read()
    {
        Read(MailgunTestPayloads.Complained).Kind.ShouldBe(ProviderEventKind.Complaint);
        var delivered = Read(MailgunTestPayloads.Delivered);
        delivered.Kind.ShouldBe(ProviderEventKind.Delivery);
        delivered.Recipients.ShouldHaveSingleItem().DiagnosticCode.ShouldBe("250 OK");
    }

    [Fact]
    public void Opened_and_other_engagement_events_are_ignored()
    {
        using var document = JsonDocument.Parse(MailgunTestPayloads.Body(MailgunTestPayloads.Opened, Now, "t"));

        var result = MailgunPayloadReader.ReadEvent(document.RootElement);

        result.Event.ShouldBeNull();
        result.IsMalformed.ShouldBeFalse();
    }
}
