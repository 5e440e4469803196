using System.Globalization;
using System.Text;
using Herald.Core.Feedback;
using Herald.Server.Telemetry;
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
    IFeedbackStore store, IHttpClientFactory http, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<WebhookWorker> logger, HeraldMetrics metrics)
    : BackgroundService
{
    public const string HttpClientName = "herald-webhooks";

    /// <summary>Rows are posted one after another, each within the HTTP client's 15 s timeout: a claim of 10 takes 150 s at worst.</summary>
    private const int ClaimSize = 10;

    /// <summary>Twice the worst case of one claim, so a slow endpoint does not let a live claim expire and the rows go out twice.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    // Unique per worker, as a delivery lane's owner is: an attempt is recorded only by the claimer still holding the row.
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:webhooks:{Guid.NewGuid():N}";

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
                var due = await store.ClaimWebhooksAsync(new WebhookClaim(_owner, ClaimSize, time.GetUtcNow(), ClaimLease), stoppingToken);
                foreach (var row in due)
                {
                    await DeliverAsync(row, stoppingToken);
                }

                if (due.Count == ClaimSize)
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
        var attempt = options.Value.Webhooks.TryGetValue(row.Endpoint, out var endpoint)
            ? await PostAsync(endpoint, row, stoppingToken)
            : new WebhookAttempt(time.GetUtcNow(), false, null, $"endpoint '{row.Endpoint}' is no longer configured");
        metrics.Webhook(row.Endpoint, attempt.Delivered);
        if (attempt.Delivered)
        {
            await RecordAsync(row, attempt, null);
            return;
        }

        var index = row.Attempts; // 0-based index of the attempt just made; a replayed dead letter is past the schedule
        DateTimeOffset? next = index < Backoff.Length ? time.GetUtcNow() + Backoff[index] : null;
        LogAttemptFailed(logger, row.Id, row.Endpoint, index + 1, attempt.Error ?? "");
        if (next is null)
        {
            LogDeadLetter(logger, row.Id, row.Endpoint, index + 1);
        }

        await RecordAsync(row, attempt, next);
    }

    private async Task RecordAsync(OutboxMessage row, WebhookAttempt attempt, DateTimeOffset? next)
    {
        if (!await store.WebhookAttemptedAsync(new WebhookAttemptRecord(row.Seq, _owner, attempt, next), CancellationToken.None))
        {
            LogClaimLost(logger, row.Id, row.Endpoint);
        }
    }

    private async Task<WebhookAttempt> PostAsync(WebhookEndpointOptions endpoint, OutboxMessage row, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
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
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new WebhookAttempt(now, true, code, null) : new WebhookAttempt(now, false, code, $"HTTP {code}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return new WebhookAttempt(now, false, null, e.Message);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Webhook outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook {Id} to {Endpoint} failed (attempt {Attempt}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string id, string endpoint, int attempt, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Webhook {Id} to {Endpoint}: the claim ended before the attempt was recorded; the event may be sent again")]
    private static partial void LogClaimLost(ILogger logger, string id, string endpoint);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Webhook {Id} to {Endpoint} is a dead letter after {Attempts} attempts; replay it with `herald webhooks replay`")]
    private static partial void LogDeadLetter(ILogger logger, string id, string endpoint, int attempts);
}
