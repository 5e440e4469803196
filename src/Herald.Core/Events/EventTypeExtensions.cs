namespace Herald.Core.Events;

public static class EventTypeExtensions
{
    /// <summary>The kebab-case word used in the API and storage.</summary>
    public static string ToWire(this EventType type) => type switch
    {
        EventType.AutoReplied => "auto-replied",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static EventType ParseWire(string value) => value switch
    {
        "auto-replied" => EventType.AutoReplied,
        _ => Enum.Parse<EventType>(value, ignoreCase: true),
    };
}
