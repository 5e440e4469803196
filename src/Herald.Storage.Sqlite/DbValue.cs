namespace Herald.Storage.Sqlite;

/// <summary>Microsoft.Data.Sqlite wants <see cref="DBNull"/> for SQL NULL, never a C# null.</summary>
internal static class DbValue
{
    public static object Of(string? value) => value is null ? DBNull.Value : value;

    public static object Of(int? value) => value is { } v ? v : DBNull.Value;

    public static object Of(long? value) => value is { } v ? v : DBNull.Value;

    public static object Of(DateTimeOffset? value) => value is { } v ? UnixMs.From(v) : DBNull.Value;
}
