using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Server.Feedback;

/// <summary>
/// Stops a message to a suspended address before anything is rendered or sent: the message gets a <c>suppressed</c>
/// event that says why and since when, and no server is contacted.
/// </summary>
internal sealed class SuppressionGate(FeedbackService feedback) : ISendGate
{
    public async ValueTask<GateDecision> CheckAsync(StoredMessage message, NotificationType type, CancellationToken cancellationToken) =>
        await feedback.SuspensionAsync(message.To, cancellationToken) is { } s
            ? GateDecision.Suppress(s.Describe())
            : GateDecision.Proceed;
}
