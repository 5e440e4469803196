using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Tests.Support;

/// <summary>
/// An application's webhook endpoints on a real Kestrel on 127.0.0.1: <c>/broken</c> always answers 500, <c>/ok</c>
/// answers 204, <c>/flaky</c> answers 503 to its first call (the endpoint is down) and 204 after; every call is recorded
/// with its Standard Webhooks headers and the answer it got.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string baseUrl, ConcurrentQueue<Call> calls) => (_app, BaseUrl, Calls) = (app, baseUrl, calls);

    public string BaseUrl { get; }

    public ConcurrentQueue<Call> Calls { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var calls = new ConcurrentQueue<Call>();
        var flaky = 0;
        app.MapPost("/broken", (HttpRequest request) => RecordAsync(request, 500, calls));
        app.MapPost("/ok", (HttpRequest request) => RecordAsync(request, 204, calls));
        app.MapPost("/flaky", (HttpRequest request) => RecordAsync(request, Interlocked.Increment(ref flaky) == 1 ? 503 : 204, calls));
        await app.StartAsync();
        return new WebhookReceiver(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(), calls);
    }

    /// <summary>Settings for an endpoint named <paramref name="name"/> at <paramref name="path"/>, subscribed to <paramref name="events"/>.</summary>
    public Dictionary<string, string?> Endpoint(string name, string path, byte[] key, params string[] events)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Herald:Feedback:Webhooks:{name}:Url"] = BaseUrl + path,
            [$"Herald:Feedback:Webhooks:{name}:Secret"] = "whsec_" + Convert.ToBase64String(key),
        };
        for (var i = 0; i < events.Length; i++)
        {
            settings[$"Herald:Feedback:Webhooks:{name}:Events:{i}"] = events[i];
        }

        return settings;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<IResult> RecordAsync(HttpRequest request, int answer, ConcurrentQueue<Call> calls)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        calls.Enqueue(new Call(request.Path, request.Headers["webhook-id"]!, request.Headers["webhook-timestamp"]!,
            request.Headers["webhook-signature"]!, body, answer));
        return Results.StatusCode(answer);
    }

    public sealed record Call(string Path, string Id, string Timestamp, string Signature, string Body, int Answer)
    {
        /// <summary>Whether the signature is the Standard Webhooks one for <paramref name="key"/>: v1,base64(HMAC-SHA256(id.timestamp.body)).</summary>
        public bool SignedWith(byte[] key) =>
            Signature == "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
    }
}
