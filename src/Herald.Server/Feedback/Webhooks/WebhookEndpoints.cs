using Herald.Core.Feedback;
using Microsoft.Extensions.Options;

namespace Herald.Server.Feedback.Webhooks;

/// <summary>
/// The backlog of every configured endpoint (0 included, so an alert on dead letters has a series before the first) and
/// of any endpoint no longer configured that still has rows (they are what an operator replays elsewhere).
/// </summary>
internal sealed class WebhookEndpoints(WebhookDeliveries deliveries, IOptions<FeedbackOptions> options)
{
    public IReadOnlyDictionary<string, WebhookEndpointOptions> Configured => options.Value.Webhooks;

    public async Task<IReadOnlyList<WebhookBacklog>> BacklogAsync(CancellationToken cancellationToken)
    {
        var rows = await deliveries.BacklogAsync(cancellationToken);
        var zero = options.Value.Webhooks.Keys.Where(e => rows.All(r => r.Endpoint != e)).Select(e => new WebhookBacklog(e, 0, 0));
        return [.. rows.Concat(zero).OrderBy(b => b.Endpoint, StringComparer.Ordinal)];
    }
}
