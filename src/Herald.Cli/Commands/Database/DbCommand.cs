using System.CommandLine;
using System.Globalization;
using Herald.Core.Queue;
using Herald.Server.Configuration;
using Herald.Storage.Postgres;
using Herald.Storage.Postgres.Copy;
using Herald.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Herald.Cli.Commands.Database;

/// <summary>
/// <c>herald db migrate</c>: brings the configured store's schema to this version (PostgreSQL: safe while other nodes
/// run it too, they wait on one advisory lock). <c>herald db copy --from sqlite:PATH --to postgres:CONNSTR</c>: moves a
/// stopped single-node store to an empty PostgreSQL database, then compares both row by row.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "The store's schema, and moving a SQLite store to PostgreSQL.");
        command.Subcommands.Add(Migrate());
        command.Subcommands.Add(Copy());
        return command;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply the schema migrations to the configured store (Herald:Storage:Kind and its settings).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var configuration = HeraldConfiguration.Load(parse.UnmatchedTokens.ToArray(), null);
            var output = parse.InvocationConfiguration.Output;
            try
            {
                if (StorageConfiguration.IsKind(configuration, StorageConfiguration.Postgres))
                {
                    if (StorageConfiguration.PostgresConnectionString(configuration) is not { } connection)
                    {
                        await parse.InvocationConfiguration.Error.WriteLineAsync(StorageConfiguration.Check(configuration).First());
                        return ExitCodes.Usage;
                    }

                    await using var source = NpgsqlDataSource.Create(connection);
                    var applied = await PostgresMigrator.MigrateAsync(source, ct);
                    await output.WriteLineAsync(applied.Count == 0
                        ? $"{StorageConfiguration.Location(configuration)}: schema already at version {PostgresMigrator.LatestVersion}"
                        : $"{StorageConfiguration.Location(configuration)}: applied {string.Join(", ", applied)}; schema at version {PostgresMigrator.LatestVersion}");
                    return ExitCodes.Ok;
                }

                // SQLite migrates when the store opens: open it once.
                var path = StorageConfiguration.SqlitePath(configuration);
                await using (var store = new SqliteStore(new SqliteStoreOptions { Path = path, NodeId = "herald-db-migrate" }, TimeProvider.System))
                {
                    await store.OpenAsync(ct);
                }

                await output.WriteLineAsync($"{Path.GetFullPath(path)}: schema up to date");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is StorageFaultException or NpgsqlException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return ExitCodes.StorageFault;
            }
        });
        return command;
    }

    private static Command Copy()
    {
        var from = new Option<string>("--from") { Description = "The source store: sqlite:PATH (Herald stopped)", Required = true };
        var to = new Option<string>("--to") { Description = "The target: postgres:CONNECTION-STRING, an empty database", Required = true };
        var command = new Command("copy", "Copy a stopped SQLite store into an empty PostgreSQL database, then compare both row by row.") { from, to };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!TryPrefix(parse.GetValue(from)!, "sqlite:", out var path) || !TryPrefix(parse.GetValue(to)!, "postgres:", out var connection))
            {
                await error.WriteLineAsync("usage: herald db copy --from sqlite:PATH --to postgres:CONNECTION-STRING");
                return ExitCodes.Usage;
            }

            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"{Path.GetFullPath(path)}: no such SQLite store");
                return ExitCodes.Usage;
            }

            try
            {
                // Brings the source to this version's schema first, so every column the target has is there to copy.
                await using (var store = new SqliteStore(new SqliteStoreOptions { Path = path, NodeId = "herald-db-copy" }, TimeProvider.System))
                {
                    await store.OpenAsync(ct);
                }

                await using var source = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
                await source.OpenAsync(ct);
                await using var target = NpgsqlDataSource.Create(connection);
                var copied = await StoreCopy.CopyAsync(source, target, ct);
                foreach (var (table, rows) in copied)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{table,-24} {rows,12:N0} rows"));
                }

                var differences = await StoreCopy.CompareAsync(source, target, 20, ct);
                foreach (var difference in differences)
                {
                    await error.WriteLineAsync(difference);
                }

                await output.WriteLineAsync(differences.Count == 0
                    ? "compared row by row: the PostgreSQL store holds exactly what the SQLite store holds"
                    : "the stores differ (above): do not start Herald on the copy");
                return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
            }
            catch (Exception e) when (e is InvalidOperationException or StorageFaultException or NpgsqlException or SqliteException)
            {
                await error.WriteLineAsync($"{Path.GetFullPath(path)}: {e.Message}");
                return ExitCodes.Rejected;
            }
        });
        return command;
    }

    private static bool TryPrefix(string value, string prefix, out string rest)
    {
        rest = value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..] : "";
        return rest.Length > 0;
    }
}
