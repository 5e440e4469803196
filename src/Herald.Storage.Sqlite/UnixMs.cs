namespace Herald.Storage.Sqlite;

/// <summary>Times are stored as INTEGER unix milliseconds (UTC): ordered by plain integer comparison.</summary>
internal static class UnixMs
{
    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset To(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
