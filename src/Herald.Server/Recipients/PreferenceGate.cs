using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Recipients;

namespace Herald.Server.Recipients;

/// <summary>
/// Applies preferences at send time, not at submit time: a choice made while a message waits in the queue still
/// counts. The message is ended as <c>skipped</c> with the preference and its date, so it never looks lost.
/// Mail to an address that belongs to no recipient has no preferences and goes on.
/// </summary>
internal sealed class PreferenceGate(AttemptRecipients recipients, Preferences preferences) : ISendGate
{
    public async ValueTask<GateDecision> CheckAsync(StoredMessage message, NotificationType type, CancellationToken cancellationToken)
    {
        if (!type.OptOut || await recipients.ForAsync(message, cancellationToken) is not { } recipient)
        {
            return GateDecision.Proceed;
        }

        var preference = await preferences.ForAsync(recipient.Id, type.Category, cancellationToken);
        return preference is { Enabled: false } off ? GateDecision.Skip(off.SkipReason(recipient.Id)) : GateDecision.Proceed;
    }
}
