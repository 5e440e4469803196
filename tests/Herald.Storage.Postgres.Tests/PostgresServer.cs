using Dapper;
using Herald.Storage.Postgres;
using Herald.Testing.Postgres;
using Npgsql;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// The one throwaway cluster of this test run (started on first use, stopped when the run ends), with a template
/// database already migrated: each test's database is a CREATE DATABASE ... TEMPLATE of it, which copies files instead
/// of running the migrations again. Outside CI, a machine without PostgreSQL skips these tests naming what is missing;
/// with CI=true that is a failure.
/// </summary>
internal static class PostgresServer
{
    private const string Template = "herald_template";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? _cluster;
    private static string? _missing;

    /// <summary>A new empty database with the latest schema; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var cluster = await ClusterAsync();
        var name = cluster.NextDatabaseName("t");
        await using var admin = await OpenAdminAsync(cluster);
        // FILE_COPY: copies the template's files (a checkpoint, cheap with fsync off) instead of WAL-logging every block.
        await admin.ExecuteAsync($"CREATE DATABASE {name}" + (migrated ? $" TEMPLATE {Template} STRATEGY = FILE_COPY" : ""));
        return cluster.ConnectionString(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = await OpenAdminAsync(await ClusterAsync());
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static async Task<PostgresCluster> ClusterAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_cluster is null && _missing is null)
            {
                var (cluster, missing) = await PostgresCluster.StartAsync();
                if (cluster is null)
                {
                    _missing = missing;
                }
                else
                {
                    await CreateTemplateAsync(cluster);
                    _cluster = cluster;
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_cluster is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(_missing + "; in CI (CI=true) the PostgreSQL suites must run");
            }

            Assert.Skip(_missing!);
        }

        return _cluster;
    }

    private static async Task CreateTemplateAsync(PostgresCluster cluster)
    {
        await using (var admin = await OpenAdminAsync(cluster))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {Template}");
        }

        await using (var source = NpgsqlDataSource.Create(cluster.ConnectionString(Template) + ";Pooling=false"))
        {
            await PostgresMigrator.MigrateAsync(source, CancellationToken.None);
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(PostgresCluster cluster)
    {
        var connection = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
