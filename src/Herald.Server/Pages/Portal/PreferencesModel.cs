using Herald.Server.Pages.Common;

namespace Herald.Server.Pages.Portal;

/// <summary>The preferences form: where it posts, and one choice per category.</summary>
public sealed record PreferencesModel(string Action, IReadOnlyList<CategoryChoice> Categories, PageNotice? Notice = null);
