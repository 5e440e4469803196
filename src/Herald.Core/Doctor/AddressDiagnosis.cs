namespace Herald.Core.Doctor;

/// <param name="Domain">Null when the address could not be read.</param>
/// <param name="LastDelivery">The latest message the receiving server accepted.</param>
public sealed record AddressDiagnosis(string Address, MailDomain? Domain, IReadOnlyList<Cause> Causes, MessageFact? LastDelivery);
