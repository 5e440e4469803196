using Herald.Core.Events;
using Herald.Core.Feedback;

namespace Herald.Core.Messages;

/// <summary>What a message to a suspended address is stored with: its <c>suppressed</c> event and its webhook outbox rows.</summary>
public sealed record SuppressedAtIntake(DeliveryEvent Event, IReadOnlyList<OutboxMessage> Outbox);
