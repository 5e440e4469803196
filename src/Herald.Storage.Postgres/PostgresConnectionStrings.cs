using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// What the store asks of Npgsql beyond the operator's connection string: the defaults every pool gets, and the
/// variations of the bookkeeping and read pools (PostgresStore). Each setting the operator's connection string names is
/// kept as given.
/// </summary>
internal static class PostgresConnectionStrings
{
    /// <summary>
    /// How many connections each multiplexed pool opens at most, unless the connection string says. Npgsql opens another
    /// whenever those open are all busy, up to its default of 100: a node held about 33 backends under load. Each backend
    /// is a process PostgreSQL schedules and scans for every snapshot; fewer connections carry more statements per
    /// write. Measured with PG_ONLY=2 bench/delivery-postgres.sh 20000 (2026-12-01, alternating, two rounds): capped at 8,
    /// one node 1,073/1,097 -> 1,104/1,102 delivered/s, two nodes 948/975 -> 1,004/1,044, PostgreSQL's CPU per 1,000
    /// messages with two nodes 0.80/0.78 -> 0.73/0.69 s.
    /// </summary>
    public const int MultiplexedConnections = 8;

    /// <summary>How many statements each connection keeps prepared (Npgsql's auto-prepare), unless the connection string says.</summary>
    public const int AutoPrepared = 64;

    /// <summary>
    /// The connection string with this store's defaults, each unless the operator's connection string sets it:
    /// <list type="bullet">
    /// <item>Npgsql prepares a statement on a connection once it has run there five times (its default), so PostgreSQL
    /// parses and plans it once instead of every time. Measured with bench/delivery.sh --store postgres on 2026-11-30: at
    /// 2,000 messages (Min Usages 2) PostgreSQL's CPU per 1,000 messages fell 3.2 -> 2.2 s and Herald's 3.3 -> 2.6 s; at
    /// 20,000 the delivery run moved within noise (2.62 -> 2.54 s) and batch acceptance rose 2,283 -> 2,831 messages/s.
    /// Safe across another node's migration because every statement names its columns: PostgreSQL re-plans a prepared
    /// statement after ALTER TABLE, and fails only when its result type changes ("cached plan must not change result
    /// type", a SELECT * over an altered table). Max Auto Prepare=0 behind PgBouncer in transaction mode.</item>
    /// <item>No Reset On Close: a connection back in the pool is not reset (Npgsql otherwise runs DISCARD ALL's parts,
    /// three statements, before its next use: ten times per message delivered, 2026-12-01). Safe because every
    /// statement's state is the transaction's (SET LOCAL, pg_advisory_xact_lock) and LISTEN has its own connection.
    /// Measured with PG_ONLY=1 bench/delivery-postgres.sh 4000: PostgreSQL 1.91 -> 1.51 CPU s per 1,000 messages,
    /// Herald 2.02 -> 1.83.</item>
    /// </list>
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var given = Given(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = AutoPrepared;
        }

        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The queue's bookkeeping commits without waiting for the WAL flush, as SQLite commits it without fsync
    /// (docs/storage.md): a crash can only undo it into a repeated, at-least-once attempt. Set at connection start-up
    /// (the Options keyword, libpq's -c) rather than by SET LOCAL in each transaction, which cost a round trip per claim
    /// and per outcome.
    /// </summary>
    public static string WithoutWaitingForFlush(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = (builder.Options is { Length: > 0 } options ? options + " " : "") + "-c synchronous_commit=off";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Npgsql's multiplexing for reads and the queue's bookkeeping: statements from many callers share a few connections
    /// and go out together, so the server and Herald handle fewer, larger writes and wake-ups. Not for durable writes: a
    /// commit waits for the WAL flush, and every statement queued behind it on the same connection would wait with it
    /// (multiplexing everything, critical p99 rose from about 100 to 340-430 ms). Measured with PG_ONLY=1
    /// bench/delivery-postgres.sh 20000 on 2026-12-01, reads and bookkeeping multiplexed against none: 861 against 752
    /// delivered/s, Herald 1.06 against 1.27 and PostgreSQL 0.95 against 1.11 CPU s per 1,000 messages, critical p99 91
    /// against 104 ms. The operator's Multiplexing setting wins; without pooling there is nothing to multiplex.
    /// </summary>
    public static string Multiplexed(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = Given(connectionString);
        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.Multiplexing)) && builder.Pooling)
        {
            builder.Multiplexing = true;
        }

        // Npgsql's keyword is "Maximum Pool Size"; "MaxPoolSize" is its synonym.
        if (builder.Multiplexing && !given.Contains("MaximumPoolSize") && !given.Contains(nameof(NpgsqlConnectionStringBuilder.MaxPoolSize)))
        {
            builder.MaxPoolSize = MultiplexedConnections;
        }

        return builder.ConnectionString;
    }

    /// <summary>The keywords the connection string sets, without spaces (NpgsqlConnectionStringBuilder answers ContainsKey
    /// for every keyword it knows; the plain builder keeps only the keys given, as written: "Max Auto Prepare" or
    /// "MaxAutoPrepare", any case).</summary>
    private static HashSet<string> Given(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
