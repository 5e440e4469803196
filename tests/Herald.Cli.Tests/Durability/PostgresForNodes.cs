using Herald.Testing.Postgres;
using Npgsql;

namespace Herald.Cli.Tests.Durability;

/// <summary>
/// A throwaway PostgreSQL cluster with one empty database for the nodes of one test. Outside CI a machine without
/// PostgreSQL skips the test naming what is missing; with CI=true that is a failure.
/// </summary>
internal sealed class PostgresForNodes : IAsyncDisposable
{
    private PostgresForNodes(PostgresCluster cluster, string connectionString)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
    }

    public PostgresCluster Cluster { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that put a node on this database.</summary>
    public string[] NodeSettings => ["--Herald:Storage:Kind=postgres", $"--Herald:Storage:Postgres:ConnectionString={ConnectionString}"];

    public static async Task<PostgresForNodes> StartAsync()
    {
        var (cluster, missing) = await PostgresCluster.StartAsync();
        if (cluster is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(missing + "; in CI (CI=true) the PostgreSQL tests must run");
            }

            Assert.Skip(missing);
        }

        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE herald", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresForNodes(cluster, cluster.ConnectionString("herald"));
    }

    /// <summary>An API key of scope <c>send</c> made on this database (a relay route needs one); a client that sends it.</summary>
    public async Task<HttpClient> SendingClientAsync(string dataDirectory)
    {
        var (code, key, error) = await Support.HeraldCli.RunAsync(["keys", "create", "--name", "nodes", "--scopes", "send", $"--Herald:DataDirectory={dataDirectory}", .. NodeSettings]);
        code.ShouldBe(0, error);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Trim());
        return http;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Cluster.DisposeAsync();
    }
}
