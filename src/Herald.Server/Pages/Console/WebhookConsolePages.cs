using System.Security.Claims;
using Herald.Core.Feedback;
using Herald.Server.Feedback.Webhooks;
using Herald.Server.Pages.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Pages.Console;

/// <summary>
/// The console's webhook deliveries (issue 11, 15): the same reads and replay as <c>/v1/webhooks</c>, behind the console's
/// sign-in and antiforgery.
/// </summary>
internal static class WebhookConsolePages
{
    public const int PageSize = 100;

    public static RouteGroupBuilder MapWebhookConsole(this RouteGroupBuilder console)
    {
        console.MapGet("/webhooks", ShowAsync);
        console.MapPost("/webhooks/replay", ReplayAsync);
        return console;
    }

    internal static async Task<IResult> ShowAsync(string? endpoint, string? state, HttpContext http, ClaimsPrincipal user, WebhookEndpoints endpoints,
        WebhookDeliveries deliveries, CancellationToken cancellationToken)
    {
        WebhookDeliveryState? parsed = FeedbackWire.TryParse(state, out WebhookDeliveryState s) ? s : null;
        return await PageAsync(endpoint, parsed, null, http, user, endpoints, deliveries, cancellationToken);
    }

    internal static async Task<IResult> ReplayAsync([FromForm(Name = "endpoint")] string endpoint, [FromForm(Name = "id")] long? id, HttpContext http,
        ClaimsPrincipal user, WebhookEndpoints endpoints, WebhookDeliveries deliveries, CancellationToken cancellationToken)
    {
        var count = id is { } one
            ? await deliveries.ReplayAsync(endpoint, one, null, cancellationToken) == WebhookReplayOutcome.Replayed ? 1 : 0
            : await deliveries.ReplayAllAsync(endpoint, null, cancellationToken);
        return await PageAsync(endpoint, null, new PageNotice(count > 0, PageText.Replayed(count, endpoint)), http, user, endpoints, deliveries, cancellationToken,
            count > 0 ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> PageAsync(string? endpoint, WebhookDeliveryState? state, PageNotice? notice, HttpContext http, ClaimsPrincipal user,
        WebhookEndpoints endpoints, WebhookDeliveries deliveries, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var list = string.IsNullOrWhiteSpace(endpoint) ? [] : await deliveries.ListAsync(endpoint, state, null, PageSize, cancellationToken);
        var model = new WebhooksModel(PageSchemes.OperatorOf(user), await endpoints.BacklogAsync(cancellationToken),
            string.IsNullOrWhiteSpace(endpoint) ? null : endpoint, state, list, notice);
        return PageResults.Show<WebhooksPage>(http, model, status);
    }
}
