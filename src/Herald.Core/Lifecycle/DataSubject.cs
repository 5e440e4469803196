namespace Herald.Core.Lifecycle;

/// <summary>
/// The person a request for their data is about: a recipient and its addresses, or a bare address Herald only knows
/// from messages and feedback.
/// </summary>
public sealed record DataSubject(string? RecipientId, IReadOnlyList<string> Addresses);
