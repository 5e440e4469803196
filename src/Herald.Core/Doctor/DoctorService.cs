using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;

namespace Herald.Core.Doctor;

/// <summary>
/// "Why didn't I get my email?": finds the subject (address, recipient id or message id), gathers the facts through
/// the ports (the DNS, the ledger through <see cref="FeedbackService"/>, the message and recipient stores, the
/// preferences) and hands them to <see cref="DiagnosisRules"/>. The CLI, the API and the pages all call this.
/// </summary>
public sealed class DoctorService(
    IDnsQuery dns, IRecipientStore recipients, IMessageStore messages, FeedbackService feedback, IPreferenceFacts preferences, TimeProvider time)
{
    public const int RecentMessages = 20;

    /// <returns>Null when the subject names nothing Herald knows and is not an address.</returns>
    public async Task<Diagnosis?> DiagnoseAsync(string subject, CancellationToken cancellationToken)
    {
        var query = subject.Trim();
        Recipient? recipient = null;
        string? address = null;
        if (query.StartsWith("msg_", StringComparison.Ordinal))
        {
            address = (await messages.GetAsync(query, cancellationToken))?.To;
        }
        else if (query.Contains('@', StringComparison.Ordinal))
        {
            if (!AddressRules.IsSingleMailbox(query, out var canonical))
            {
                var invalid = DiagnosisRules.Causes(Empty(query, canonical));
                return new Diagnosis(subject, null, [new AddressDiagnosis(query, null, invalid, null)]);
            }

            address = canonical;
        }
        else
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

        var off = recipient is null ? [] : await preferences.TurnedOffAsync(recipient.Id, cancellationToken);
        var reports = new List<AddressDiagnosis>();
        foreach (var a in addresses)
        {
            var facts = await FactsAsync(a, off, cancellationToken);
            reports.Add(new AddressDiagnosis(a, facts.Domain, DiagnosisRules.Causes(facts), facts.LastDelivery));
        }

        return new Diagnosis(subject, recipient?.Id, reports);
    }

    /// <summary>The DNS part alone, for a domain nobody at Herald has an address at yet (the allowlist kit).</summary>
    public Task<MailDomain> ProbeAsync(string domain, CancellationToken cancellationToken) => new MailDomainProbe(dns).ProbeAsync(domain, cancellationToken);

    private async Task<DiagnosisFacts> FactsAsync(string address, IReadOnlyList<string> off, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var domainName = AddressLedger.DomainOf(address);
        var probe = new MailDomainProbe(dns);
        var domain = await probe.ProbeAsync(domainName, cancellationToken);
        string? typo = null;
        if (domain.Routing is MailRouting.DomainNotFound or MailRouting.NoMailServer or MailRouting.AddressFallback or MailRouting.NullMx
            && TypoDomains.Candidate(domainName) is { } candidate
            && (await probe.ProbeAsync(candidate, cancellationToken)).Routing == MailRouting.Mx)
        {
            typo = candidate;
        }

        var incidents = await feedback.IncidentsAsync(domainName, IncidentState.Open, 10, cancellationToken);
        var recent = new List<MessageFact>();
        foreach (var m in (await messages.ListByRecipientAsync(address, RecentMessages, null, cancellationToken)).Items)
        {
            var unfinished = m.Status is MessageStatus.Deferred or MessageStatus.Expired;
            var reply = unfinished ? LastReply(await messages.GetTimelineAsync(m.Id, cancellationToken)) : null;
            recent.Add(new MessageFact(m.Id, m.Type, m.Status, m.CreatedAt, m.Status == MessageStatus.Deferred ? m.NextAttemptAt : null, reply));
        }

        return new DiagnosisFacts(address, null, domain, typo, await feedback.DeliverabilityAsync(address, cancellationToken), incidents, off, recent, now);
    }

    private static string? LastReply(IReadOnlyList<DeliveryEvent> timeline) =>
        timeline.Where(e => e.Reply is not null || e.Detail is not null).Select(e => e.Reply ?? e.Detail).LastOrDefault();

    private DiagnosisFacts Empty(string address, string problem) => new(address, problem, null, null, null, [], [], [], time.GetUtcNow());
}
