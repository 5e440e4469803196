using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>Read side of the message store (port).</summary>
public interface IMessageStore
{
    Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Events of one message, oldest first.</summary>
    Task<IReadOnlyList<DeliveryEvent>> GetTimelineAsync(string id, CancellationToken cancellationToken);

    /// <summary>Latest messages to an address (compared case-insensitively), newest first.</summary>
    /// <param name="before">Opaque cursor from a previous page, or null for the first page.</param>
    Task<MessagePage> ListByRecipientAsync(string address, int limit, string? before, CancellationToken cancellationToken);

    /// <summary>Find a message by the token of its per-message Return-Path (VERP).</summary>
    Task<StoredMessage?> FindByReturnPathAsync(string returnPath, CancellationToken cancellationToken);
}
