using System.Globalization;
using Dapper;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts newer than <c>schema_version</c>, each in its own
/// transaction with its version row (PostgreSQL's DDL is transactional: a failed script leaves nothing half done).
/// Every transaction first takes one advisory lock, so nodes that start together apply each script once: the second
/// waits, then reads the version the first recorded.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>The advisory lock key ("herald" in ASCII): any fixed number both nodes agree on.</summary>
    private const long LockKey = 0x68_65_72_61_6c_64;

    private const string Prefix = "Migrations/";

    /// <summary>Brings the database to the latest schema; returns the versions applied now (empty when up to date).</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        MigrateAsync(dataSource, int.MaxValue, cancellationToken);

    /// <summary>Brings the database to the schema of version <paramref name="through"/> (tests: a database an upgrade starts from).</summary>
    internal static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, int through, CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var (version, sql) in Scripts().Where(s => s.Version <= through))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = LockKey }, transaction);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)",
                transaction: transaction);
            var current = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction);
            if (current < version)
            {
                await connection.ExecuteAsync(sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_version (version, applied_at) VALUES (@version, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)",
                    new { version }, transaction);
                applied.Add(version);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return applied;
    }

    /// <summary>The latest version the embedded scripts define.</summary>
    public static int LatestVersion => Scripts().Max(s => s.Version);

    private static IEnumerable<(int Version, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name[Prefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }
}
