using Herald.Server.Pages.Portal;

namespace Herald.Server.Pages.Console;

/// <summary>Everything about what the search found: the recipient (when known), each address, the preference decisions.</summary>
public sealed record ConsolePane(string? RecipientId, IReadOnlyList<AddressPane> Addresses, IReadOnlyList<CategoryChoice> Preferences);
