using Microsoft.Extensions.Logging;

namespace Herald.Server.Providers;

/// <summary>SES notifications via an SNS HTTPS subscription: verify, confirm subscriptions, apply events once.</summary>
internal sealed class SesWebhookHandler(
    SesWebhookOptions options,
    SnsMessageVerifier verifier,
    ISubscriptionConfirmer confirmer,
    EventApplier applier,
    ILogger<SesWebhookHandler> logger)
{
    public async Task<WebhookResponse> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var message = SnsMessageReader.TryRead(body.Span, out var error);
        if (message is null)
        {
            return WebhookResponse.BadRequest(error!);
        }

        var verification = await verifier.VerifyAsync(message, cancellationToken);
        if (!verification.IsVerified)
        {
            ProviderLog.Refused(logger, SesEventParser.Provider, verification.Reason ?? "");
            return WebhookResponse.From(verification);
        }

        switch (message.Type)
        {
            case SnsMessage.SubscriptionConfirmation:
                try
                {
                    // The verifier already required an https sns.<region>.amazonaws.com SubscribeURL.
                    await confirmer.ConfirmAsync(new Uri(message.SubscribeUrl!), cancellationToken);
                    ProviderLog.Subscribed(logger, message.TopicArn);
                    return WebhookResponse.Ok("subscription confirmed");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    ProviderLog.SubscribeFailed(logger, ex, message.TopicArn);
                    return WebhookResponse.Unavailable("subscription could not be confirmed");
                }

            case SnsMessage.UnsubscribeConfirmation:
                return WebhookResponse.Ok("unsubscribe noted");
        }

        var parsed = SesEventParser.Parse(message);
        if (parsed.Event is null)
        {
            return parsed.IsMalformed ? WebhookResponse.BadRequest(parsed.Note!) : WebhookResponse.Ok(parsed.Note!);
        }

        return await applier.ApplyAsync(parsed.Event, options.EventRetention, cancellationToken);
    }
}
