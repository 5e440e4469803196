using Herald.Core.Catalogue;
using Herald.Core.Messages;
using MimeKit;

namespace Herald.Core.Delivery;

/// <summary>Adds to a composed message before it is signed (port), e.g. List-Unsubscribe (RFC 8058), so DKIM covers it.</summary>
public interface IMessageEnricher
{
    ValueTask EnrichAsync(MimeMessage mime, StoredMessage message, NotificationType type, CancellationToken cancellationToken);
}
