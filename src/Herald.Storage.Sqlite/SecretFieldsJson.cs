using System.Text.Json;

namespace Herald.Storage.Sqlite;

/// <summary>The <c>secret_fields</c> column: a JSON array of top-level field names of <c>data_json</c>.</summary>
internal static class SecretFieldsJson
{
    private const string Empty = "[]";

    public static string Write(IReadOnlyList<string> fields) =>
        fields.Count == 0 ? Empty : JsonSerializer.Serialize(fields);

    public static IReadOnlyList<string> Read(string json) =>
        json == Empty ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
