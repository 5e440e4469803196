using Herald.Core.Catalogue;
using Herald.Core.Doctor;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Server.Pages.Common;
using Herald.Server.Recipients;

namespace Herald.Server.Pages.Portal;

/// <summary>Reads what the email-settings page shows, from the services that decide it (nothing is decided here).</summary>
internal sealed class SettingsReader(
    IRecipientStore recipients, IMessageStore messages, FeedbackService feedback, Preferences preferences, CategoryRules rules,
    NotificationCatalogue catalogue, PagesOptions options, DoctorService doctor)
{
    public const int RecentMessages = 50;

    public async Task<SettingsModel?> ReadAsync(string recipientId, CancellationToken cancellationToken)
    {
        if (await recipients.GetAsync(recipientId, cancellationToken) is not { } recipient)
        {
            return null;
        }

        var addresses = await AddressesAsync(recipient, await doctor.DiagnoseAsync(recipientId, cancellationToken), cancellationToken);
        var basePath = PortalPages.SettingsPath(recipientId);
        var lines = new List<MessageLine>();
        foreach (var m in await recipients.LatestMessagesAsync(recipient.Addresses.Select(a => a.Address).ToArray(), RecentMessages, cancellationToken))
        {
            lines.Add(await LineAsync(m, cancellationToken));
        }

        return new SettingsModel(recipientId, basePath, Banner.Of(addresses.Select(a => a.Status)), addresses,
            await PreferencesAsync(recipientId, basePath + "/preferences", cancellationToken), lines, PageText.SupportContact(options.SupportContact));
    }

    public async Task<Banner?> BannerAsync(string recipientId, CancellationToken cancellationToken) =>
        await recipients.GetAsync(recipientId, cancellationToken) is { } recipient
            ? Banner.Of((await AddressesAsync(recipient, null, cancellationToken)).Select(a => a.Status))
            : null;

    public async Task<PreferencesModel> PreferencesAsync(string recipientId, string action, CancellationToken cancellationToken)
    {
        var effective = (await preferences.ForAsync(recipientId, cancellationToken)).ToDictionary(p => p.Category, StringComparer.Ordinal);
        return new PreferencesModel(action, rules.All.Select(r => new CategoryChoice(r, effective[r.Category])).ToArray());
    }

    private async Task<IReadOnlyList<AddressState>> AddressesAsync(Recipient recipient, Diagnosis? diagnosis, CancellationToken cancellationToken)
    {
        var states = new List<AddressState>();
        foreach (var contact in recipient.Addresses.OrderByDescending(a => a.IsPrimary))
        {
            var causes = diagnosis?.Addresses.FirstOrDefault(d => d.Address == contact.Address)?.Causes ?? [];
            states.Add(new AddressState(contact, await feedback.DeliverabilityAsync(contact.Address, cancellationToken), causes));
        }

        return states;
    }

    private async Task<MessageLine> LineAsync(RecipientMessage m, CancellationToken cancellationToken)
    {
        DateTimeOffset? nextTry = m.Status == MessageStatus.Deferred && await messages.GetAsync(m.Id, cancellationToken) is { } stored ? stored.NextAttemptAt : null;
        var anchor = m.Status == MessageStatus.Skipped && rules.Find(m.Category) is { OptOut: true } ? CategoryChoice.AnchorOf(m.Category) : null;
        return new MessageLine(m.Id, catalogue.Find(m.Type)?.Name ?? m.Type, m.To, m.CreatedAt, PageText.Status(m.Status, nextTry), anchor);
    }
}
