using System.Net;
using Herald.Server.Providers;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Providers;

/// <summary>
/// The cache and the URL re-check of the certificate source. The HTTP exchange is a canned response: the real
/// endpoint is on AWS and tests make no traffic beyond 127.0.0.1.
/// </summary>
public sealed class CachingSigningCertificateSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private sealed class CannedHandler(string pem) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) });
        }
    }

    /// <summary>Answers 503 until told to serve the certificate, counting requests.</summary>
    private sealed class OutageHandler(string pem) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public bool Up { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(Up
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) }
                : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    [Fact]
    public async Task Certificate_is_fetched_once_and_served_from_cache()
    {
        using var sns = new SnsTestSigner(Now);
        var handler = new CannedHandler(sns.Certificate.ExportCertificatePem());
        var source = new CachingSigningCertificateSource(new Factory(handler), new FakeTimeProvider(Now));
        var url = new Uri(SnsTestSigner.CertUrl);

        using var first = await source.GetAsync(url, TestContext.Current.CancellationToken);
        using var second = await source.GetAsync(url, TestContext.Current.CancellationToken);

        first!.Thumbprint.ShouldBe(sns.Certificate.Thumbprint);
        second!.Thumbprint.ShouldBe(sns.Certificate.Thumbprint);
        handler.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Non_SNS_URL_is_never_requested_even_if_asked_directly()
    {
        var handler = new CannedHandler("not used");
        var source = new CachingSigningCertificateSource(new Factory(handler), new FakeTimeProvider(Now));

        (await source.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com.evil.com/x.pem"), TestContext.Current.CancellationToken)).ShouldBeNull();
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_fetch_is_cached_for_a_short_time_then_tried_again()
    {
        using var sns = new SnsTestSigner(Now);
        var handler = new OutageHandler(sns.Certificate.ExportCertificatePem());
        var time = new FakeTimeProvider(Now);
        var source = new CachingSigningCertificateSource(new Factory(handler), time);
        var url = new Uri(SnsTestSigner.CertUrl);

        // The finding: a hundred forged webhooks naming a URL that fails cost a hundred outbound requests.
        for (var i = 0; i < 100; i++)
        {
            (await source.GetAsync(url, TestContext.Current.CancellationToken)).ShouldBeNull();
        }

        handler.Requests.ShouldBe(1);

        handler.Up = true;
        time.Advance(CachingSigningCertificateSource.FailureTtl - TimeSpan.FromSeconds(1));
        (await source.GetAsync(url, TestContext.Current.CancellationToken)).ShouldBeNull("still within the failure's time");
        handler.Requests.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(1));
        using var certificate = await source.GetAsync(url, TestContext.Current.CancellationToken);
        certificate!.Thumbprint.ShouldBe(sns.Certificate.Thumbprint);
        handler.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task A_response_that_is_not_a_PEM_certificate_yields_null()
    {
        var source = new CachingSigningCertificateSource(new Factory(new CannedHandler("<html>hello</html>")), new FakeTimeProvider(Now));

        (await source.GetAsync(new Uri(SnsTestSigner.CertUrl), TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
