using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// Reads how far delivery got straight from Herald's store, SQLite or PostgreSQL: both schemas have the same messages
/// and events tables with times in Unix milliseconds, so the same SQL answers on either, except where a message waits.
/// </summary>
internal sealed class Completion(DbConnection connection) : IAsyncDisposable
{
    /// <summary>A warm-up run's addresses start with this (--prefix); its critical messages count in no later run's latencies.</summary>
    public const string WarmupPrefix = "warmup-";

    public static async Task<Completion> OpenAsync(string? sqlitePath, string? postgres)
    {
        DbConnection connection = postgres is not null
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return new Completion(connection);
    }

    /// <summary>
    /// Whether any message still waits, free or leased, each looked for on a partial index, and only its first row:
    /// polled every 20 ms while the queue drains, a count read the whole backlog each time (24 ms per poll at 20,000
    /// messages on PostgreSQL, 15 % of a core, pg_stat_statements 2026-12-01), which made the benchmark's own load on the
    /// database. SQLite keeps the waiting messages' lease on the message (ix_messages_claim, ix_messages_leased),
    /// PostgreSQL in its queue table, one row per waiting message (its migration 0007).
    /// </summary>
    public async Task<bool> AnyPendingAsync() => await ScalarAsync(connection is NpgsqlConnection
        ? "SELECT CASE WHEN EXISTS (SELECT 1 FROM queue WHERE lease_token IS NULL) OR EXISTS (SELECT 1 FROM queue WHERE lease_token IS NOT NULL) " +
          "THEN 1 ELSE 0 END"
        : "SELECT CASE WHEN EXISTS (SELECT 1 FROM messages WHERE status IN ('queued','deferred') AND lease_token IS NULL) " +
          "OR EXISTS (SELECT 1 FROM messages WHERE status IN ('queued','deferred') AND lease_token IS NOT NULL) THEN 1 ELSE 0 END") > 0;

    public Task<long> NotDeliveredAsync() => ScalarAsync("SELECT count(*) FROM messages WHERE status <> 'delivered'");

    private const string NotWarmup = "m.to_address_lower NOT LIKE '" + WarmupPrefix + "%'";

    /// <summary>Accept-to-sink milliseconds of every critical message (priority 0), sorted.</summary>
    public async Task<List<long>> CriticalLatenciesAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.time - m.created_at FROM messages m JOIN events e ON e.message_id = m.id AND e.type = 'delivered'
            WHERE m.priority = 0 AND {NotWarmup} ORDER BY 1
            """;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
