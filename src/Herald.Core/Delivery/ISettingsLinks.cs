namespace Herald.Core.Delivery;

/// <summary>The reader's "Manage your email settings" link for the layout's footer (port): null when the address belongs to no recipient.</summary>
public interface ISettingsLinks
{
    ValueTask<string?> ForAddressAsync(string address, CancellationToken cancellationToken);
}
