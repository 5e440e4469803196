using Microsoft.Extensions.Configuration;

namespace Herald.Server.Configuration;

/// <summary>
/// The <c>Herald:Storage</c> section: which store keeps the queue, messages, recipients and feedback, read the same way
/// by start-up and <c>herald config check</c>.
/// </summary>
public static class StorageConfiguration
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>The kinds <c>Herald:Storage:Kind</c> accepts (compared ignoring case).</summary>
    public static readonly IReadOnlyList<string> Kinds = [Sqlite, Postgres];

    public static string Kind(IConfiguration configuration) =>
        configuration["Herald:Storage:Kind"] is { Length: > 0 } kind ? kind : Sqlite;

    public static bool IsKind(IConfiguration configuration, string kind) =>
        string.Equals(Kind(configuration), kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the data folder is: the database file by default, the generated token key, the node id's default.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        configuration["Herald:DataDirectory"] is { Length: > 0 } directory ? directory : new HeraldOptions().DataDirectory;

    /// <summary><c>Herald:Storage:Sqlite:Path</c>, else <c>herald.db</c> in the data folder.</summary>
    public static string SqlitePath(IConfiguration configuration) =>
        configuration["Herald:Storage:Sqlite:Path"] is { Length: > 0 } path ? path : Path.Combine(DataDirectory(configuration), "herald.db");

    /// <summary><c>Herald:Storage:Postgres:ConnectionString</c> (an Npgsql connection string), or null when unset.</summary>
    public static string? PostgresConnectionString(IConfiguration configuration) =>
        configuration["Herald:Storage:Postgres:ConnectionString"] is { Length: > 0 } value ? value : null;

    /// <summary><c>Herald:Storage:Postgres:Migrate</c>: apply the schema migrations at start-up (default true).</summary>
    public static bool PostgresMigrate(IConfiguration configuration) =>
        !string.Equals(configuration["Herald:Storage:Postgres:Migrate"], "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the store is, for the first log lines: the file, or the PostgreSQL server and database (never the password).</summary>
    public static string Location(IConfiguration configuration)
    {
        if (!IsKind(configuration, Postgres))
        {
            return Path.GetFullPath(SqlitePath(configuration));
        }

        try
        {
            var c = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = PostgresConnectionString(configuration) ?? "" };
            return $"postgres://{Value(c, "Host")}:{Value(c, "Port") ?? "5432"}/{Value(c, "Database")}";
        }
        catch (ArgumentException)
        {
            return "postgres (connection string unreadable)";
        }

        static string? Value(System.Data.Common.DbConnectionStringBuilder c, string key) => c.TryGetValue(key, out var v) ? v?.ToString() : null;
    }

    public static string UnknownKind(string kind) =>
        $"Herald:Storage:Kind: '{kind}' is not a storage kind; allowed: {string.Join(", ", Kinds)}";

    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        var kind = Kind(configuration);
        if (!Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
        {
            yield return UnknownKind(kind);
        }
        else if (IsKind(configuration, Postgres) && PostgresConnectionString(configuration) is null)
        {
            yield return "Herald:Storage:Postgres:ConnectionString: required when Herald:Storage:Kind is postgres (e.g. Host=db;Database=herald;Username=herald;Password=...)";
        }

        if (configuration["Herald:NodeId"] is { Length: > 0 } node && string.IsNullOrWhiteSpace(node))
        {
            yield return "Herald:NodeId: must not be blank (leave it unset for the default: machine name and data folder)";
        }
    }
}
