using Herald.Server.Pages.Common;

namespace Herald.Server.Pages.Portal;

/// <summary>Everything the email-settings page shows for one recipient.</summary>
/// <param name="Base">The page's own path (<c>/settings/{id}</c>); its forms post under it.</param>
public sealed record SettingsModel(
    string RecipientId,
    string Base,
    Banner Banner,
    IReadOnlyList<AddressState> Addresses,
    PreferencesModel Preferences,
    IReadOnlyList<MessageLine> Messages,
    string Support,
    PageNotice? Notice = null);
