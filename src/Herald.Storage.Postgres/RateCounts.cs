using Herald.Core.Catalogue;
using Herald.Core.Messages;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// How many messages of its type each message's address already has in its rate limit's window, and the oldest of them,
/// read for many messages in one statement. Counted over the messages kept, so every node sees the same count; a refused
/// (throttled) request does not count.
/// </summary>
internal static class RateCounts
{
    /// <summary>
    /// What counts against an address's limit, the one home of that rule: its messages of the type created after the
    /// window's start, a refused (throttled) one excepted. Arguments are SQL expressions.
    /// </summary>
    private static string Counted(string address, string type, string since) =>
        $"FROM messages WHERE to_address_lower = {address} AND created_at > {since} AND type = {type} AND status <> 'throttled'";

    private static readonly string Sql =
        "SELECT r.n, r.oldest FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY AS t(address, type, since, i) " +
        "CROSS JOIN LATERAL (SELECT COUNT(*) AS n, MIN(created_at) AS oldest " + Counted("t.address", "t.type", "t.since") + ") r ORDER BY t.i";

    /// <summary>
    /// <see cref="Sql"/> for one message, as a rate-limited request (a sign-in code) reads it: PostgreSQL planned the
    /// array form again at every call, its estimate of unnest() over a parameter (100 rows) never as good as over the
    /// given one-element array (PostgresPlanCacheTests).
    /// </summary>
    private static readonly string OneSql =
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest " + Counted("($1::text[])[1]", "($2::text[])[1]", "($3::bigint[])[1]");

    /// <summary>For each of <paramref name="messages"/> (each with a rate limit), in order: the count and the oldest counted.</summary>
    public static async Task<IReadOnlyList<(long Count, DateTimeOffset? Oldest)>> ReadAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<NewMessage> messages)
    {
        await using var batch = new NpgsqlBatch(c, tx);
        Add(batch, messages);
        await using var reader = await batch.ExecuteReaderAsync();
        return await ReadAsync(reader, messages.Count);
    }

    /// <summary>
    /// The advisory locks named <paramref name="locks"/>, then the counts, in one round trip: two statements of one batch,
    /// so the count's snapshot is taken after the locks are held (each statement of a READ COMMITTED transaction takes
    /// its own), and it sees a message that the lock's last holder committed. One statement locking and counting at once
    /// would count with a snapshot from before its wait. A critical message with a rate limit, one at a time, took a
    /// round trip for each (bench/delivery-postgres.sh, 2026-12-01).
    /// </summary>
    public static async Task<IReadOnlyList<(long Count, DateTimeOffset? Oldest)>> LockAndReadAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<string> locks, IReadOnlyList<NewMessage> messages)
    {
        await using var batch = new NpgsqlBatch(c, tx) { BatchCommands = { EnqueueWrites.LockCommand(locks) } };
        Add(batch, messages);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        return await ReadAsync(reader, messages.Count);
    }

    private static void Add(NpgsqlBatch batch, IReadOnlyList<NewMessage> messages)
    {
        var command = new NpgsqlBatchCommand(messages.Count == 1 ? OneSql : Sql);
        Positional.Add(command.Parameters,
            messages.Select(m => m.To.ToLowerInvariant()).ToArray(), messages.Select(m => m.Type).ToArray(),
            messages.Select(m => UnixMs.From(m.CreatedAt - m.RateLimit!.Window)).ToArray());
        batch.BatchCommands.Add(command);
    }

    private static async Task<IReadOnlyList<(long Count, DateTimeOffset? Oldest)>> ReadAsync(NpgsqlDataReader reader, int expected)
    {
        var counts = new List<(long, DateTimeOffset?)>(expected);
        while (await reader.ReadAsync())
        {
            counts.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : UnixMs.To(reader.GetInt64(1))));
        }

        return counts;
    }

    /// <summary>When the oldest counted message leaves the window, if the address already had its limit; null when under it.</summary>
    public static DateTimeOffset? OverLimitUntil(RateLimit limit, long count, DateTimeOffset? oldest) =>
        count >= limit.Count ? oldest!.Value + limit.Window : null;

    /// <summary>
    /// The same rule as <see cref="OverLimitUntil"/> in SQL, for a statement that stores a message only under the limit
    /// (EnqueueWrites.TryUnderLimitAsync): true while the address has fewer than <paramref name="limit"/> messages of the
    /// type that <see cref="Counted"/> counts, created after <paramref name="since"/>. Arguments are SQL expressions.
    /// </summary>
    public static string UnderLimitSql(string address, string type, string since, string limit) =>
        $"(SELECT COUNT(*) {Counted(address, type, since + "::bigint")}) < {limit}::bigint";
}
