using Herald.Core.Messages;

namespace Herald.Core.Delivery;

/// <summary>The reader's "Manage your email settings" link for the layout's footer (port): null when the address belongs to no recipient.</summary>
public interface ISettingsLinks
{
    /// <summary>The link for the recipient of <paramref name="message"/>, in the attempt delivering it.</summary>
    ValueTask<string?> ForAsync(StoredMessage message, CancellationToken cancellationToken);
}
