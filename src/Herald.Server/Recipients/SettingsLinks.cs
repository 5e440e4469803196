using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Recipients;

namespace Herald.Server.Recipients;

/// <summary>
/// The layout footer's "Manage your email settings" link: a signed token (<see cref="TokenSigner.Settings"/>) that
/// opens that recipient's preferences only, so it is safe in an email that may be forwarded. Every email to a
/// recipient's address carries it, sign-in codes too: the footer says why the email came, and the settings say the rest.
/// </summary>
internal sealed class SettingsLinks(AttemptRecipients recipients, TokenSigner signer, PublicUrls urls) : ISettingsLinks
{
    public async ValueTask<string?> ForAsync(StoredMessage message, CancellationToken cancellationToken) =>
        await recipients.ForAsync(message, cancellationToken) is { } recipient
            ? urls.Preferences(signer.Settings(recipient.Id))
            : null;
}
