using Herald.Testing.Postgres;
using Npgsql;

namespace Herald.Server.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster per test class (<see cref="PostgresCluster"/>: initdb into a temp folder, a free port
/// on 127.0.0.1), with an empty database per test. Outside CI a machine without PostgreSQL skips the tests, naming what
/// is missing; in CI (CI=true) they must run, so a missing PostgreSQL fails them.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private string? _missing;
    private int _databases;

    public async ValueTask InitializeAsync()
    {
        (_cluster, _missing) = await PostgresCluster.StartAsync();
        if (_cluster is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(_missing + "; in CI (CI=true) the PostgreSQL tests must run");
        }
    }

    /// <summary>The settings that put a node on a new empty database (Herald migrates it); skips the test without PostgreSQL.</summary>
    public async Task<Dictionary<string, string?>> NewDatabaseSettingsAsync()
    {
        Assert.SkipWhen(_cluster is null, _missing ?? "no PostgreSQL");
        var name = $"roles_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(_cluster!.ConnectionString("postgres") + ";Pooling=false"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new()
        {
            ["Herald:Storage:Kind"] = "postgres",
            ["Herald:Storage:Postgres:ConnectionString"] = _cluster.ConnectionString(name),
        };
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
