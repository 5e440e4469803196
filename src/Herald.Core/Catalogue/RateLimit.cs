namespace Herald.Core.Catalogue;

/// <summary>
/// At most <paramref name="Count"/> messages of one type to one address per <paramref name="Window"/>. Counted by the store
/// in the same transaction as the insert, over the messages it keeps, so every node sees the same count.
/// </summary>
public sealed record RateLimit(int Count, TimeSpan Window)
{
    /// <summary>The timeline's words for a refused message: the limit and from when the address may get another.</summary>
    public string Refusal(string type, DateTimeOffset retryAt) => $"not sent: {Describe(type)}; the next one is accepted from {retryAt:u}";

    /// <summary>What the 429 and the timeline say.</summary>
    public string Describe(string type) =>
        $"at most {Count} '{type}' message{(Count == 1 ? "" : "s")} to one address per {Words(Window)}";

    private static string Words(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0} day{(t.TotalDays == 1 ? "" : "s")}"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0} hour{(t.TotalHours == 1 ? "" : "s")}"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0} minute{(t.TotalMinutes == 1 ? "" : "s")}"
        : $"{t.TotalSeconds:0} seconds";
}
