using System.Net.Sockets;
using Herald.Core.Queue;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Turns what PostgreSQL or the network did into a <see cref="StorageFaultException"/> (the API's 503), or null for a
/// bug (a constraint violation, bad SQL), which stays the exception it is. Transient: the database cannot be reached,
/// is shutting down or starting, is out of resources, or dropped the connection (SQLSTATE classes 08, 53, 57P, 58).
/// </summary>
internal static class PostgresFaults
{
    public static StorageFaultException? From(Exception e) => e switch
    {
        StorageFaultException fault => fault,
        PostgresException pg when IsUnavailable(pg.SqlState) =>
            new StorageFaultException($"PostgreSQL is unavailable: {pg.SqlState} {pg.MessageText}", transient: true, pg),
        PostgresException => null,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } or NpgsqlException { IsTransient: true } =>
            new StorageFaultException($"PostgreSQL cannot be reached: {e.Message}", transient: true, e),
        SocketException or TimeoutException =>
            new StorageFaultException($"PostgreSQL cannot be reached: {e.Message}", transient: true, e),
        _ => null,
    };

    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("58", StringComparison.Ordinal);
}
