using Herald.Core.Messages;

namespace Herald.Core.Catalogue;

/// <summary>A validated, compiled notification type.</summary>
public sealed record NotificationType(
    string Key,
    string Category,
    bool OptOut,
    Priority Priority,
    TimeSpan TimeToLive,
    Sender Sender,
    IReadOnlyDictionary<string, FieldSpec> Fields,
    TemplateSet Templates,
    RateLimit? RateLimit = null)
{
    public IReadOnlyList<string> SecretFields { get; } =
        Fields.Values.Where(f => f.Secret).Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
}
