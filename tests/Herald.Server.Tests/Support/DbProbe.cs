using Microsoft.Data.Sqlite;

namespace Herald.Server.Tests.Support;

/// <summary>Reads Herald's SQLite file directly (read-only, WAL allows it while the server writes).</summary>
internal static class DbProbe
{
    public static async Task<long> CountAsync(string dataDirectory, string status)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "herald.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM messages WHERE status = $status";
        command.Parameters.AddWithValue("$status", status);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
