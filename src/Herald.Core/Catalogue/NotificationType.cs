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
    RateLimit? RateLimit = null,
    string? DisplayName = null,
    IReadOnlyDictionary<string, string>? Sample = null)
{
    /// <summary>What people read for this type (the settings page, the console); the key when none is configured.</summary>
    public string Name => DisplayName ?? Key;

    /// <summary>Made-up field values for previews (<c>/dev/templates</c>): never a real message's data.</summary>
    public IReadOnlyDictionary<string, string> SampleData { get; } = Sample ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> SecretFields { get; } =
        Fields.Values.Where(f => f.Secret).Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
}
