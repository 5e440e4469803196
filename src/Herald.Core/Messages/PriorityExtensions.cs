namespace Herald.Core.Messages;

public static class PriorityExtensions
{
    /// <summary>The lower-case word for a priority, as the catalogue spells it: in the API, the CLI, the timeline and wake-ups.</summary>
    public static string ToWire(this Priority priority) => priority switch
    {
        Priority.Critical => "critical",
        Priority.Normal => "normal",
        Priority.Bulk => "bulk",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    /// <summary>The priority <see cref="ToWire"/> writes as <paramref name="value"/>; false for any other word.</summary>
    public static bool TryParseWire(string value, out Priority priority)
    {
        foreach (var candidate in Enum.GetValues<Priority>())
        {
            if (candidate.ToWire() == value)
            {
                priority = candidate;
                return true;
            }
        }

        priority = default;
        return false;
    }
}
