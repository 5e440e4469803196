using System.Globalization;
using System.Text;
using Herald.Core.Feedback;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Server.Feedback.Webhooks;

/// <summary>
/// Delivers the webhook outbox: each row is POSTed with its stable id until the endpoint answers 2xx, with the backoff
/// the Standard Webhooks specification suggests (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), so an endpoint that is
/// down for a minute loses nothing (unlike SES event destinations, which drop events then).
/// </summary>
internal sealed partial class WebhookWorker(
    IFeedbackStore store, IHttpClientFactory http, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<WebhookWorker> logger) : BackgroundService
{
    public const string HttpClientName = "herald-webhooks";

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhooks.Count == 0)
        {
            return; // nothing subscribed: no outbox rows are ever written, so there is nothing to poll
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.DueWebhooksAsync(time.GetUtcNow(), 50, stoppingToken);
                foreach (var row in due)
                {
                    await DeliverAsync(row, stoppingToken);
                }

                if (due.Count == 50)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(OutboxMessage row, CancellationToken stoppingToken)
    {
        string? error;
        if (!options.Value.Webhooks.TryGetValue(row.Endpoint, out var endpoint))
        {
            error = $"endpoint '{row.Endpoint}' is no longer configured";
        }
        else
        {
            error = await PostAsync(endpoint, row, stoppingToken);
            if (error is null)
            {
                await store.WebhookAttemptedAsync(row.Seq, true, null, null, CancellationToken.None);
                return;
            }
        }

        var attempt = row.Attempts; // 0-based index of the attempt just made
        DateTimeOffset? next = attempt < Backoff.Length ? time.GetUtcNow() + Backoff[attempt] : null;
        LogAttemptFailed(logger, row.Id, row.Endpoint, attempt + 1, error);
        await store.WebhookAttemptedAsync(row.Seq, false, next, error, CancellationToken.None);
    }

    private async Task<string?> PostAsync(WebhookEndpointOptions endpoint, OutboxMessage row, CancellationToken stoppingToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(row.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", row.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(endpoint.Secret, row.Id, timestamp, row.Payload));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, stoppingToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Webhook outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook {Id} to {Endpoint} failed (attempt {Attempt}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string id, string endpoint, int attempt, string error);
}
