using System.Text.Json;
using Herald.Server.Api;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Providers;

/// <summary>Mailgun webhooks (JSON body): verify signature, freshness and token, then apply the event once.</summary>
internal sealed class MailgunWebhookHandler(
    MailgunWebhookOptions options,
    MailgunSignatureVerifier verifier,
    EventApplier applier,
    ILogger<MailgunWebhookHandler> logger)
{
    public async Task<WebhookResponse> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookResponse.BadRequest("body is not valid JSON");
        }

        using (document)
        {
            if (JsonText.FirstInvalid(document.RootElement) is { } invalid)
            {
                return WebhookResponse.BadRequest($"{(invalid.Length == 0 ? "body" : invalid)} {JsonText.Problem}");
            }

            var signature = MailgunPayloadReader.ReadSignature(document.RootElement);
            if (signature is null)
            {
                return WebhookResponse.Forbidden("no signature");
            }

            var verification = await verifier.VerifyAsync(signature, cancellationToken);
            if (!verification.IsVerified)
            {
                ProviderLog.Refused(logger, MailgunPayloadReader.Provider, verification.Reason ?? "");
                return WebhookResponse.From(verification);
            }

            var parsed = MailgunPayloadReader.ReadEvent(document.RootElement);
            if (parsed.Event is null)
            {
                return parsed.IsMalformed ? WebhookResponse.BadRequest(parsed.Note!) : WebhookResponse.Ok(parsed.Note!);
            }

            return await applier.ApplyAsync(parsed.Event, options.EventRetention, cancellationToken);
        }
    }
}
