using Herald.Core.Inbound;
using Herald.Server.Api.Providers;
using Herald.Server.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Server.Tests.Providers;

/// <summary>A real Kestrel app on 127.0.0.1, a free port, with both webhook endpoints mapped over recording fakes.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private WebApplication _app = null!;

    private WebhookHost()
    {
        Sns = new SnsTestSigner(Now);
        Certificates = new RecordingCertificateSource(Sns.Certificate);
    }

    public HttpClient Client { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(Now);

    public SnsTestSigner Sns { get; }

    public RecordingCertificateSource Certificates { get; }

    public RecordingEventSink Sink { get; } = new();

    public RecordingConfirmer Confirmer { get; } = new();

    public static async Task<WebhookHost> StartAsync()
    {
        var host = new WebhookHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(host.Time);
        builder.Services.AddSingleton<IProviderEventSink>(host.Sink);
        builder.Services.AddSingleton<ISubscriptionConfirmer>(host.Confirmer);
        builder.Services.AddSingleton<ISigningCertificateSource>(host.Certificates);
        builder.Services.AddHeraldSesWebhook(new SesWebhookOptions { AllowedTopicArns = [SnsTestSigner.TopicArn] });
        builder.Services.AddHeraldMailgunWebhook(new MailgunWebhookOptions { SigningKey = MailgunTestPayloads.SigningKey });

        host._app = builder.Build();
        host._app.MapSesEndpoint();
        host._app.MapMailgunEndpoint();
        await host._app.StartAsync(TestContext.Current.CancellationToken);

        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body) =>
        Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Sns.Dispose();
    }
}
