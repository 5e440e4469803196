using Herald.Server.Feedback.Api;
using Herald.Server.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Feedback;

internal static class FeedbackEndpoints
{
    /// <summary>Status, unblock and verification; operators' suppressions; the provider webhooks that are configured.</summary>
    public static WebApplication MapFeedbackApi(this WebApplication app)
    {
        app.MapRecipientFeedbackApi();
        app.MapSuppressionsApi();
        app.MapIncidentsApi();
        if (app.Services.GetService<SesWebhookOptions>() is not null)
        {
            app.MapSesEndpoint().WithTags("Providers");
        }

        if (app.Services.GetService<MailgunWebhookOptions>() is not null)
        {
            app.MapMailgunEndpoint().WithTags("Providers");
        }

        return app;
    }
}
