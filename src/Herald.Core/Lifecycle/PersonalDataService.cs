using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;

namespace Herald.Core.Lifecycle;

/// <summary>A person's data: who a request is about, everything held about them (export), and their erasure.</summary>
public sealed class PersonalDataService(IRecipientStore recipients, IMessageStore messages, IFeedbackStore ledger, FeedbackService feedback, TimeProvider time)
{
    private const int Page = 200;

    /// <summary>
    /// A recipient id, or an address: the recipient owning it with all its addresses, else the bare address. Null for a
    /// recipient id Herald does not know.
    /// </summary>
    public async Task<DataSubject?> ResolveAsync(string idOrAddress, CancellationToken cancellationToken)
    {
        var recipient = idOrAddress.Contains('@', StringComparison.Ordinal)
            ? await recipients.FindByAddressAsync(idOrAddress, cancellationToken)
            : await recipients.GetAsync(idOrAddress, cancellationToken);
        if (recipient is not null)
        {
            var addresses = recipient.Addresses.Select(a => AddressRules.LookupKey(a.Address)).ToList();
            if (idOrAddress.Contains('@', StringComparison.Ordinal) && !addresses.Contains(AddressRules.LookupKey(idOrAddress)))
            {
                addresses.Add(AddressRules.LookupKey(idOrAddress));
            }

            return new DataSubject(recipient.Id, addresses);
        }

        return idOrAddress.Contains('@', StringComparison.Ordinal) ? new DataSubject(null, [AddressRules.LookupKey(idOrAddress)]) : null;
    }

    public async Task<PersonalData> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var recipient = subject.RecipientId is { } id ? await recipients.GetAsync(id, cancellationToken) : null;
        var preferences = recipient is null ? [] : await recipients.GetPreferencesAsync(recipient.Id, cancellationToken);
        var records = new List<AddressRecord>();
        var exported = new List<ExportedMessage>();
        foreach (var address in subject.Addresses)
        {
            records.Add(new AddressRecord(address, await ledger.GetAsync(address, cancellationToken), await ledger.HistoryAsync(address, cancellationToken)));
            string? before = null;
            do
            {
                var page = await messages.ListByRecipientAsync(address, Page, before, cancellationToken);
                foreach (var m in page.Items)
                {
                    exported.Add(ExportedMessage.Of(m, await messages.GetTimelineAsync(m.Id, cancellationToken)));
                }

                before = page.NextCursor;
            }
            while (before is not null);
        }

        return new PersonalData(time.GetUtcNow(), recipient, preferences, records, exported);
    }

    /// <summary>Erases the person (see <see cref="FeedbackService.EraseAsync"/>): <paramref name="actor"/> goes into the audit.</summary>
    public Task<ErasureReceipt> EraseAsync(DataSubject subject, string actor, CancellationToken cancellationToken) =>
        feedback.EraseAsync(subject.RecipientId, subject.Addresses, actor, cancellationToken);
}
