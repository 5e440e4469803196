using System.Security.Cryptography;
using System.Text;
using Herald.Server.Providers;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Providers;

public sealed class SnsMessageVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly SnsTestSigner _sns = new(Now);
    private readonly RecordingCertificateSource _certificates;
    private readonly SnsMessageVerifier _verifier;

    public SnsMessageVerifierTests()
    {
        _certificates = new RecordingCertificateSource(_sns.Certificate);
        _verifier = new SnsMessageVerifier(new SesWebhookOptions { AllowedTopicArns = [SnsTestSigner.TopicArn] }, _certificates, _time);
    }

    public void Dispose() => _sns.Dispose();

    private Task<VerificationResult> VerifyAsync(string body)
    {
        var message = SnsMessageReader.TryRead(Encoding.UTF8.GetBytes(body), out var error);
        message.ShouldNotBeNull(error);
        return _verifier.VerifyAsync(message, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Genuine_notification_verifies(string version)
    {
        var result = await VerifyAsync(_sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce), version));

        result.ShouldBe(VerificationResult.Verified);
        _certificates.Requested.ShouldHaveSingleItem().AbsoluteUri.ShouldBe(SnsTestSigner.CertUrl);
    }

    [Fact]
    public async Task Notification_without_Subject_verifies_because_Subject_is_left_out_of_the_string_to_sign()
    {
        var result = await VerifyAsync(_sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce, subject: null), "2"));

        result.IsVerified.ShouldBeTrue(result.Reason);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Genuine_subscription_confirmation_verifies(string version)
    {
        (await VerifyAsync(_sns.Sign(SnsTestSigner.SubscriptionConfirmation(), version))).IsVerified.ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://s3.amazonaws.com/sns.us-east-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.evil.com/SimpleNotificationService-1.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-1.pem")]
    [InlineData("http://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.txt")]
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-1.pem")]
    [InlineData("https://attacker@sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem")]
    [InlineData("https://evilsns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem")]
    [InlineData("/SimpleNotificationService-1.pem")]
    public async Task Certificate_URL_not_on_SNS_is_refused_without_fetching(string certUrl)
    {
        var fields = SnsTestSigner.Notification(SesFixtures.Bounce);
        fields["SigningCertURL"] = certUrl;

        var result = await VerifyAsync(_sns.Sign(fields));

        result.Outcome.ShouldBe(VerificationOutcome.Rejected);
        _certificates.Requested.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_byte_changed_in_Message_is_refused()
    {
        var body = _sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce));
        var tampered = body.Replace("jane@example.com", "jane@exbmple.com", StringComparison.Ordinal);
        tampered.ShouldNotBe(body);

        var result = await VerifyAsync(tampered);

        result.ShouldBe(VerificationResult.Rejected("signature does not match"));
    }

    [Fact]
    public async Task Message_signed_by_another_key_is_refused()
    {
        using var otherKey = RSA.Create(2048);

        var result = await VerifyAsync(_sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce), "2", otherKey));

        result.Outcome.ShouldBe(VerificationOutcome.Rejected);
    }

    [Fact]
    public async Task Topic_not_configured_is_refused_without_fetching()
    {
        var fields = SnsTestSigner.Notification(SesFixtures.Bounce);
        fields["TopicArn"] = "arn:aws:sns:us-east-1:999999999999:someone-else";

        var result = await VerifyAsync(_sns.Sign(fields));

        result.ShouldBe(VerificationResult.Rejected("topic is not allowed"));
        _certificates.Requested.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("0")]
    public async Task Unknown_SignatureVersion_is_refused_without_fetching(string version)
    {
        var body = _sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce)).Replace("\"SignatureVersion\":\"1\"", $"\"SignatureVersion\":\"{version}\"", StringComparison.Ordinal);

        var result = await VerifyAsync(body);

        result.Outcome.ShouldBe(VerificationOutcome.Rejected);
        result.Reason!.ShouldContain("SignatureVersion");
        _certificates.Requested.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://sns.evil.com/?Action=ConfirmSubscription")]
    [InlineData("http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    public async Task Subscription_confirmation_with_a_foreign_SubscribeURL_is_refused_without_fetching(string subscribeUrl)
    {
        var fields = SnsTestSigner.SubscriptionConfirmation();
        fields["SubscribeURL"] = subscribeUrl;

        (await VerifyAsync(_sns.Sign(fields))).Outcome.ShouldBe(VerificationOutcome.Rejected);
        _certificates.Requested.ShouldBeEmpty();
    }

    [Fact]
    public async Task Expired_signing_certificate_is_refused()
    {
        var body = _sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce));
        _time.Advance(TimeSpan.FromDays(400));

        (await VerifyAsync(body)).ShouldBe(VerificationResult.Rejected("signing certificate is not valid now"));
    }

    [Fact]
    public async Task Unreachable_certificate_is_a_retryable_failure_not_a_verdict()
    {
        var verifier = new SnsMessageVerifier(
            new SesWebhookOptions { AllowedTopicArns = [SnsTestSigner.TopicArn] }, new RecordingCertificateSource(null), _time);
        var message = SnsMessageReader.TryRead(Encoding.UTF8.GetBytes(_sns.Sign(SnsTestSigner.Notification(SesFixtures.Bounce))), out _)!;

        (await verifier.VerifyAsync(message, TestContext.Current.CancellationToken)).Outcome.ShouldBe(VerificationOutcome.Unavailable);
    }
}
