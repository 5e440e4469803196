namespace Herald.Core.Catalogue;

/// <summary>The notification types Herald knows, by key, and their categories as people see them.</summary>
public sealed class NotificationCatalogue
{
    /// <summary>Variables every template may use besides its declared fields.</summary>
    public static readonly IReadOnlySet<string> BuiltInVariables = new HashSet<string>(StringComparer.Ordinal) { "to" };

    private readonly IReadOnlyDictionary<string, NotificationType> _types;
    private readonly Dictionary<string, NotificationCategory> _categories;

    public NotificationCatalogue(
        IReadOnlyDictionary<string, NotificationType> types, IReadOnlyDictionary<string, CategoryOptions>? categories = null, MailLayout? layout = null)
    {
        _types = types;
        Layout = layout;
        _categories = types.Values
            .GroupBy(t => t.Category, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => NotificationCategory.Of(g.Key, g.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray(), categories?.GetValueOrDefault(g.Key)),
                StringComparer.Ordinal);
    }

    /// <summary>The frame every message is rendered into; null renders each type's templates alone.</summary>
    public MailLayout? Layout { get; }

    public IReadOnlyCollection<NotificationType> Types => _types.Values.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();

    /// <summary>Every category, in key order.</summary>
    public IReadOnlyCollection<NotificationCategory> Categories => _categories.Values.OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();

    public NotificationType? Find(string key) => _types.GetValueOrDefault(key);

    public NotificationCategory? FindCategory(string key) => _categories.GetValueOrDefault(key);

    /// <summary>The layout's frame for a message of <paramref name="type"/>; null when the catalogue has no layout.</summary>
    public LayoutFrame? Frame(NotificationType type, string? settingsUrl) =>
        Layout is null ? null : new LayoutFrame(Layout, FindCategory(type.Category)?.DisplayName ?? type.Category, settingsUrl);
}
