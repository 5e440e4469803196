namespace Herald.Core.Catalogue;

/// <summary>The notification types Herald knows, by key.</summary>
public sealed class NotificationCatalogue(IReadOnlyDictionary<string, NotificationType> types)
{
    /// <summary>Variables every template may use besides its declared fields.</summary>
    public static readonly IReadOnlySet<string> BuiltInVariables = new HashSet<string>(StringComparer.Ordinal) { "to" };

    public IReadOnlyCollection<NotificationType> Types => types.Values.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();

    public NotificationType? Find(string key) => types.GetValueOrDefault(key);
}
