using Herald.Core.Feedback;
using Herald.Server.Pages.Common;

namespace Herald.Server.Pages.Console;

/// <summary>The console's webhook page: every endpoint's backlog and, for the one chosen, its deliveries with their attempts.</summary>
public sealed record WebhooksModel(
    string Operator,
    IReadOnlyList<WebhookBacklog> Endpoints,
    string? Endpoint,
    WebhookDeliveryState? State,
    IReadOnlyList<WebhookDelivery> Deliveries,
    PageNotice? Notice = null);
