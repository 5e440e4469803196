using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Recipients;
using MimeKit;

namespace Herald.Server.Recipients;

/// <summary>
/// One-click unsubscribe (RFC 8058) for mail a recipient may turn off: List-Unsubscribe with an https URL (and a
/// mailto when configured, RFC 2369 3.2) and List-Unsubscribe-Post. Added before signing; the DKIM signer covers
/// both headers, as RFC 8058 section 4 requires. Mail that cannot be turned off carries neither: offering an
/// unsubscribe link on a sign-in code would promise something Herald does not do. The visible "Manage your email
/// settings" link beside the header (CAN-SPAM and Gmail's sender guidelines ask for one) is in the layout's footer
/// (<see cref="SettingsLinks"/>).
/// </summary>
internal sealed class UnsubscribeEnricher(AttemptRecipients recipients, TokenSigner signer, PublicUrls urls, RecipientsOptions options) : IMessageEnricher
{
    public async ValueTask EnrichAsync(MimeMessage mime, StoredMessage message, NotificationType type, CancellationToken cancellationToken)
    {
        if (!type.OptOut || await recipients.ForAsync(message, cancellationToken) is not { } recipient)
        {
            return;
        }

        var token = signer.Unsubscribe(recipient.Id, type.Category);
        var value = $"<{urls.Unsubscribe(token)}>";
        if (!string.IsNullOrWhiteSpace(options.UnsubscribeMailto))
        {
            value += $", <mailto:{options.UnsubscribeMailto}?subject=unsubscribe%20{token}>";
        }

        mime.Headers.Add("List-Unsubscribe", value);
        mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
