namespace Herald.Storage.Postgres;

/// <summary>Times are BIGINT unix milliseconds (UTC), as in the SQLite store, so rows copy between them unchanged.</summary>
internal static class UnixMs
{
    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : null;

    public static DateTimeOffset To(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? To(long? milliseconds) => milliseconds is { } ms ? To(ms) : null;
}
