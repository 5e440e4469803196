using Herald.Core.Messages;
using Herald.Core.Recipients;
using Herald.Server.Api.Deliverability;
using Herald.Server.Recipients;

namespace Herald.Server.Api.Recipients;

/// <summary>A recipient as the API shows it: addresses, preferences, and the latest messages with why each ended as it did.</summary>
public sealed record RecipientView(
    string Id,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AddressView> Addresses,
    IReadOnlyList<EffectivePreference> Preferences,
    IReadOnlyList<RecipientMessageView> Messages)
{
    /// <param name="deliverability">Per address, whether Herald is emailing it (the yellow and gray boxes); omitted where not looked up.</param>
    public static RecipientView From(
        Recipient r,
        IReadOnlyList<EffectivePreference> preferences,
        IReadOnlyList<RecipientMessage> messages,
        IReadOnlyDictionary<string, RecipientStatusView>? deliverability = null) => new(
        r.Id,
        r.CreatedAt,
        r.Addresses.Select(a => new AddressView(a.Address, a.IsPrimary, a.VerifiedAt is null ? "unverified" : "verified", a.VerifiedAt, a.VerifiedBy, a.AddedAt,
            deliverability?.GetValueOrDefault(a.Address))).ToArray(),
        preferences,
        messages.Select(RecipientMessageView.From).ToArray());
}

/// <param name="Verification"><c>unverified</c> or <c>verified</c>.</param>
/// <param name="Deliverability"><c>ok</c>, <c>suspended</c> or <c>problem</c> with the details, as <c>GET /v1/recipients/{address}/status</c>.</param>
public sealed record AddressView(
    string Address, bool Primary, string Verification, DateTimeOffset? VerifiedAt, string? VerifiedBy, DateTimeOffset AddedAt,
    RecipientStatusView? Deliverability = null);

/// <param name="Reason">Why the message is where it is, in plain words (e.g. which preference skipped it and when).</param>
public sealed record RecipientMessageView(string Id, string Type, string Category, string To, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Reason, string Self)
{
    public static RecipientMessageView From(RecipientMessage m) => new(
        m.Id, m.Type, m.Category, m.To, m.Status.ToWire(), m.CreatedAt, m.UpdatedAt, m.LastDetail ?? DefaultReason(m.Status), $"/v1/messages/{m.Id}");

    private static string DefaultReason(MessageStatus status) => status switch
    {
        MessageStatus.Queued => "waiting to be sent",
        MessageStatus.Deferred => "will be tried again",
        MessageStatus.Delivered => "accepted by the receiving mail server",
        MessageStatus.Caught => Herald.Core.Delivery.DeliveryPipeline.CaughtDetail,
        _ => status.ToWire(),
    };
}
