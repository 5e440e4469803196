using Herald.Bounces;
using Herald.Core.Feedback;

namespace Herald.Core.Lifecycle;

/// <summary>
/// What survives of a suppression when its address is erased: the reason and the dates, under the address's
/// <see cref="AddressFingerprint"/>. No evidence is kept: a bounce's diagnostic usually quotes the address.
/// </summary>
public sealed record ErasedSuppression(SuppressionReason Reason, DateTimeOffset Since, DateTimeOffset? ExpiresAt)
{
    public static ErasedSuppression Of(Suspension s) => new(s.Reason, s.Since, s.ExpiresAt);

    /// <summary>The suspension in force at <paramref name="now"/>, as the send-time check sees it; null once expired.</summary>
    public Suspension? SuspensionAt(DateTimeOffset now) =>
        ExpiresAt is { } end && end <= now
            ? null
            : new Suspension(Reason, SuppressionSource.Policy, Since, ExpiresAt, "erased", null, Scenario.Unknown,
                "The address's data was erased on request; its suppression was kept so that Herald does not write to it again.");
}
