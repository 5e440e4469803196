namespace Herald.Core.Catalogue;

/// <summary>
/// A category as people see it. Preferences are per category, and a category that holds even one type that may not be
/// opted out of (a sign-in code in "security", say) cannot be turned off as a whole, or turning it off would silently
/// drop sign-in codes.
/// </summary>
/// <param name="OptOut">Whether recipients may turn it off: only when every type in it allows it.</param>
/// <param name="LockedReason">Why it cannot be turned off, in plain words; null when it can.</param>
public sealed record NotificationCategory(
    string Key, string DisplayName, string Description, bool OptOut, IReadOnlyList<NotificationType> Types, string? LockedReason)
{
    public static NotificationCategory Of(string key, IReadOnlyList<NotificationType> types, CategoryOptions? options)
    {
        var name = string.IsNullOrWhiteSpace(options?.DisplayName) ? key : options.DisplayName.Trim();
        var optOut = types.All(t => t.OptOut);
        var locked = optOut
            ? null
            : string.IsNullOrWhiteSpace(options?.LockedReason)
                ? $"{name} cannot be turned off: they include {string.Join(", ", types.Where(t => !t.OptOut).Select(t => t.Name))}, " +
                  "which you need to sign in or to confirm your address."
                : options.LockedReason.Trim();
        return new NotificationCategory(key, name, options?.Description?.Trim() ?? "", optOut, types, locked);
    }
}
