using Herald.Core.Feedback;

namespace Herald.Core.Doctor;

/// <summary>Everything the rules read, gathered beforehand through the ports (DNS, the stores, FeedbackService).</summary>
/// <param name="AddressProblem">Why the address is not one mailbox (then nothing else is gathered).</param>
/// <param name="Typo">The common domain the typed one is likely a typo of; only set when it has mail servers and the typed one none.</param>
/// <param name="PreferencesOff">Display names of the categories the recipient turned off.</param>
/// <param name="Messages">Recent messages, latest first.</param>
/// <param name="OpenIncidents">The domain's incidents still open.</param>
public sealed record DiagnosisFacts(
    string Address,
    string? AddressProblem,
    MailDomain? Domain,
    string? Typo,
    Deliverability? Deliverability,
    IReadOnlyList<DomainIncident> OpenIncidents,
    IReadOnlyList<string> PreferencesOff,
    IReadOnlyList<MessageFact> Messages,
    DateTimeOffset Now)
{
    public MessageFact? LastDelivery => Messages.FirstOrDefault(m => m.Status == Herald.Core.Messages.MessageStatus.Delivered);
}
