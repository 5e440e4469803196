namespace Herald.Core.Catalogue;

/// <summary>What the layout says around one message: the layout, the category's display name, the reader's settings link.</summary>
/// <param name="SettingsUrl">The "Manage your email settings" link; null when the address belongs to no recipient.</param>
public sealed record LayoutFrame(MailLayout Layout, string CategoryName, string? SettingsUrl);
