using Herald.Core.Feedback;
using Herald.Core.Recipients;

namespace Herald.Core.Lifecycle;

/// <summary>Everything Herald holds about one person (GDPR article 15 and 20), secret fields never included.</summary>
public sealed record PersonalData(
    DateTimeOffset ExportedAt,
    Recipient? Recipient,
    IReadOnlyList<Preference> Preferences,
    IReadOnlyList<AddressRecord> Addresses,
    IReadOnlyList<ExportedMessage> Messages);
