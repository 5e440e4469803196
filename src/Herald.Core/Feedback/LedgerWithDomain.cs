namespace Herald.Core.Feedback;

/// <summary>
/// What a delivery needs to know before it writes anything: the address's ledger, and whether its domain has an open
/// incident that the delivery would close. One read, because it is made for every delivered message.
/// </summary>
public sealed record LedgerWithDomain(AddressLedger Ledger, bool DomainIncidentOpen);
