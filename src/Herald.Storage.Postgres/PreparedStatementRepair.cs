using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Puts a connection's prepared statements right after PostgreSQL refused a statement. Npgsql (10.0.3) prepares a
/// statement on its fifth use on a connection (auto-prepare): it sends Parse, Bind and Describe together, marks the
/// statement prepared when ParseComplete arrives, and keeps the result's description from the Describe's answer. When
/// PostgreSQL refuses the Bind (22021, a NUL in a text parameter, or any other value it cannot take), that answer never
/// comes: the statement stays prepared with no description, and every later run of it on that connection fails with
/// "Received unexpected backend message DataRow" (PostgresRefusedStatementTests; found in CI on 2026-12-01, where it
/// made an outcome's group fail). So after a refusal the connection forgets what it prepared (DEALLOCATE ALL, one round
/// trip; the statements are prepared again after five more uses), or, for a multiplexed pool, whose connections are
/// shared and cannot be reached one by one, the pool closes its connections as they come back idle.
/// </summary>
internal static class PreparedStatementRepair
{
    public static void AfterRefusal(NpgsqlConnection connection, NpgsqlDataSource source)
    {
        var settings = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            return;
        }

        if (settings.Multiplexing)
        {
            source.Clear();
        }
        else if (connection.State == System.Data.ConnectionState.Open)
        {
            // Synchronous: Npgsql has no UnprepareAllAsync. One short round trip, and only after a refused statement.
            connection.UnprepareAll();
        }
    }
}
