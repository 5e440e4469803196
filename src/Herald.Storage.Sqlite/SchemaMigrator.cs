using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts newer than the recorded <c>schema_version</c>, each in
/// its own transaction together with its version row, so a crash mid-migration leaves the previous version intact.
/// </summary>
internal static class SchemaMigrator
{
    private const string Prefix = "Migrations/";

    public static int Migrate(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)");
        var latest = 0;
        foreach (var (version, sql) in Scripts())
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // Read inside the write transaction: two processes opening one file at once apply each script once.
            if (CurrentVersion(connection, transaction) < version)
            {
                Execute(connection, transaction, sql);
                Execute(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES ("
                    + version.ToString(CultureInfo.InvariantCulture) + ", unixepoch('subsec') * 1000)");
            }

            transaction.Commit();
            latest = version;
        }

        return latest;
    }

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static IEnumerable<(int Version, string Sql)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
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

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
