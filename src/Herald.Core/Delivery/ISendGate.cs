using Herald.Core.Catalogue;
using Herald.Core.Messages;

namespace Herald.Core.Delivery;

/// <summary>
/// A check that may stop a message before anything is rendered or sent (port): a suspended address,
/// a preference turned off. Every gate is asked at once (each reads the store); the first in registration order that
/// stops wins.
/// </summary>
public interface ISendGate
{
    ValueTask<GateDecision> CheckAsync(StoredMessage message, NotificationType type, CancellationToken cancellationToken);
}
