using Herald.Core.Doctor;
using Herald.Core.Feedback;

namespace Herald.Server.Pages.Console;

/// <summary>
/// One address in the console: its standing, its history with who acted, its messages, its domain's incidents, the
/// webhook deliveries about it, and the doctor's causes.
/// </summary>
public sealed record AddressPane(
    string Address, Deliverability Status, IReadOnlyList<LedgerEntry> History, IReadOnlyList<MessageTrace> Messages, IReadOnlyList<DomainIncident> Incidents,
    IReadOnlyList<WebhookDelivery> Webhooks, IReadOnlyList<Cause> Causes);
