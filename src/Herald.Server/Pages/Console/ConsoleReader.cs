using Herald.Core.Catalogue;
using Herald.Core.Doctor;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Server.Api.Recipients;
using Herald.Server.Pages.Portal;

namespace Herald.Server.Pages.Console;

/// <summary>Finds what a support agent searched for (address, recipient id or message id) and reads its pane.</summary>
internal sealed class ConsoleReader(
    IRecipientStore recipients, IMessageStore messages, FeedbackService feedback, WebhookDeliveries webhooks, SettingsReader settings, NotificationCatalogue catalogue, DoctorService doctor)
{
    public const int MessagesPerAddress = 20;

    public const int WebhooksPerAddress = 20;

    public async Task<ConsolePane?> FindAsync(string query, CancellationToken cancellationToken)
    {
        query = query.Trim();
        Recipient? recipient = null;
        string? address = null;
        if (query.StartsWith("msg_", StringComparison.Ordinal))
        {
            address = (await messages.GetAsync(query, cancellationToken))?.To;
        }
        else if (query.Contains('@', StringComparison.Ordinal))
        {
            address = AddressRules.IsSingleMailbox(query, out var canonical) ? canonical : null;
        }
        else if (RecipientIds.IsValid(query))
        {
            recipient = await recipients.GetAsync(query, cancellationToken);
        }

        if (address is not null)
        {
            recipient = await recipients.FindByAddressAsync(address, cancellationToken);
        }

        var addresses = recipient?.Addresses.Select(a => a.Address).ToList() ?? (address is null ? [] : [address]);
        if (addresses.Count == 0)
        {
            return null;
        }

        var diagnosis = await doctor.DiagnoseAsync(recipient?.Id ?? addresses[0], cancellationToken);
        var panes = new List<AddressPane>();
        foreach (var a in addresses)
        {
            var causes = diagnosis?.Addresses.FirstOrDefault(d => d.Address == a)?.Causes ?? [];
            panes.Add(await AddressAsync(a, causes, cancellationToken));
        }

        var preferences = recipient is null ? [] : (await settings.PreferencesAsync(recipient.Id, "", cancellationToken)).Categories;
        return new ConsolePane(recipient?.Id, panes, preferences);
    }

    public Task<IReadOnlyList<DomainIncident>> OpenIncidentsAsync(CancellationToken cancellationToken) =>
        feedback.IncidentsAsync(null, IncidentState.Open, 100, cancellationToken);

    private async Task<AddressPane> AddressAsync(string address, IReadOnlyList<Cause> causes, CancellationToken cancellationToken)
    {
        var traces = new List<MessageTrace>();
        foreach (var m in (await messages.ListByRecipientAsync(address, MessagesPerAddress, null, cancellationToken)).Items)
        {
            traces.Add(new MessageTrace(m, catalogue.Find(m.Type)?.Name ?? m.Type, await messages.GetTimelineAsync(m.Id, cancellationToken)));
        }

        return new AddressPane(address, await feedback.DeliverabilityAsync(address, cancellationToken),
            (await feedback.HistoryAsync(address, cancellationToken)).OrderByDescending(e => e.Time).ToArray(), traces,
            await feedback.IncidentsAsync(AddressLedger.DomainOf(address), null, 10, cancellationToken),
            await webhooks.ForAddressAsync(address, WebhooksPerAddress, cancellationToken), causes);
    }
}
