namespace Herald.Storage.Postgres.Tests;

/// <summary>Tests that read pg_stat_statements (what PostgreSQL planned and ran) need the module beside the binaries.</summary>
internal static class StatementStatistics
{
    /// <summary>Skips the test, naming the module, when it is not installed; in CI (CI=true) that is a failure.</summary>
    public static async Task RequireAsync()
    {
        if ((await PostgresServer.ClusterAsync()).HasStatementStatistics)
        {
            return;
        }

        const string missing = "pg_stat_statements is not installed beside the PostgreSQL binaries";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(missing + "; in CI (CI=true) every PostgreSQL test must run");
        }

        Assert.Skip(missing);
    }
}
