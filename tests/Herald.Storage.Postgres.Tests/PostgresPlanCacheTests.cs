using Dapper;
using Herald.Core.Catalogue;
using Herald.Core.Lifecycle;
using Herald.Core.Messages;
using Herald.Core.Recipients;
using Herald.Storage.Postgres.Lifecycle;
using Herald.Storage.Postgres.Recipients;
using Npgsql;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// Every statement a delivered message runs is planned a few times per connection, not at every call. PostgreSQL plans
/// a prepared statement for its parameters five times, then keeps a generic plan only if that plan's estimate is no worse
/// than theirs (plan_cache_mode=auto); a statement whose estimate depends on its parameters (the length of an unnest()
/// array) is planned again at every call. The one-node bench spent 3.0 s of PostgreSQL's ~18 CPU s planning the
/// suspension read that way (pg_stat_statements with track_planning, PG_STATEMENTS=1 bench/delivery-postgres.sh 20000,
/// 2026-12-01: 42,015 plans for 42,000 calls).
/// </summary>
public sealed class PostgresPlanCacheTests(ITestOutputHelper output) : OnTestDatabase
{
    private const int Calls = 40;

    [Fact]
    public void A_parameter_that_may_be_null_goes_in_typed_and_a_bare_null_is_refused()
    {
        var parameters = new NpgsqlCommand().Parameters;
        Positional.Add(parameters, "a", Positional.Text(null), Positional.Bigint(null));
        // A value's type is Npgsql's to infer (NpgsqlDbType reads Unknown for it until a data source has loaded Npgsql's
        // type mappings: this line failed when the test ran alone); the nulls are typed by the store.
        parameters[0].Value.ShouldBe("a");
        parameters.Skip(1).Select(p => p.NpgsqlDbType).ShouldBe([NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Bigint]);

        Should.Throw<ArgumentException>(() => Positional.Add(parameters, "b", null)).Message.ShouldContain("parameter $5 is a bare null");
    }

    [Fact]
    public async Task The_claim_is_not_planned_at_every_call_once_the_queue_is_known_to_be_long()
    {
        // In a generic plan PostgreSQL estimates a LIMIT given as a parameter at a tenth of the rows: once ANALYZE has
        // seen a long queue (from about 10,000 waiting rows; autovacuum analyzes it under load), that estimate loses to
        // every custom plan's and the claim was planned at every call: 3,121 plans for 5,279 claims in the two-node split
        // run of PG_ONLY=2 PG_STATEMENTS=1 bench/delivery-postgres.sh 20000 (2026-12-01), 50 for 5,606 with one node,
        // whose queue was never analyzed. The claim now forces its generic plan (QueueWrites.ClaimWithGenericPlanSql).
        await StatementStatistics.RequireAsync();
        var store = await Database.OpenStoreAsync("node-a", PostgresTestDatabase.OneConnectionPerPool);
        await store.EnqueueAsync(New("msg_seed", priority: Priority.Bulk));
        await using (var c = new NpgsqlConnection(await Database.ConnectionStringAsync()))
        {
            await CloneAsync(c, "msg_seed", 20000);
            await c.ExecuteAsync("ANALYZE queue");
        }

        for (var i = 0; i < Calls; i++)
        {
            // A lane claims as many jobs as it has free slots: the LIMIT varies from call to call.
            var max = 1 + (i % 16);
            (await store.ClaimAsync(T0.AddMinutes(1), max: max)).Count.ShouldBe(max);
        }

        await using var stats = new NpgsqlConnection(await Database.ConnectionStringAsync());
        await stats.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        var (calls, plans) = await stats.QuerySingleAsync<(long Calls, long Plans)>(
            "SELECT calls, plans FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND query LIKE 'WITH free AS%'");
        output.WriteLine($"the claim: {calls} calls, {plans} plans");
        calls.ShouldBe(Calls);
        plans.ShouldBeLessThanOrEqualTo(12, "Npgsql runs a statement unprepared four times; prepared, it is planned for its parameters five times");
    }

    [Fact]
    public async Task The_claims_generic_plan_walks_the_claimable_index_in_order_even_if_ANALYZE_saw_no_free_row()
    {
        // Statistics taken while every row was leased are where generic plans went wrong before: with the LIMIT written
        // into the statement (tried in the sixth session, docs/scaling-measurements.md) they read and sorted the whole
        // backlog at each claim. With the LIMIT a parameter, estimated at a tenth of the rows, a walk of ix_queue_claimable in order that
        // stops after LIMIT rows stays the cheaper path (QueueWrites.ClaimWithGenericPlanSql).
        await using var c = await QueueKeptFromAutovacuumAsync(5000);
        await c.ExecuteAsync("UPDATE queue SET lease_owner = 'o', lease_node = 'n', lease_token = 't' || id, lease_expires_at = 4102444800000");
        await c.ExecuteAsync("VACUUM ANALYZE queue");
        await c.ExecuteAsync("UPDATE queue SET lease_owner = NULL, lease_node = NULL, lease_token = NULL, lease_expires_at = NULL");
        (await c.ExecuteScalarAsync<float>("SELECT reltuples FROM pg_class WHERE relname = 'ix_queue_claimable'")).ShouldBe(0);

        var plan = await ExplainGenericClaimAsync(c);

        plan.ShouldContain("Index Scan using ix_queue_claimable on queue");
        plan.ShouldNotContain("Bitmap");
        plan.ShouldNotContain("Seq Scan on queue");
    }

    [Fact]
    public async Task The_claims_generic_plan_probes_the_claimed_rows_by_key_when_ANALYZE_saw_a_long_queue()
    {
        // The statistics the forced generic plan meets under load. A generic plan estimates each parameter LIMIT at a tenth
        // of the rows below it; the claim nests two (free, then chosen), so it expects a hundredth of the queue to update and
        // join, and probes queue and messages by key. A statement with one such LIMIT over a long table would expect a
        // tenth and hash the whole table instead (the webhook outbox's claim, docs/storage.md "Planning", keeps custom plans).
        await using var c = await QueueKeptFromAutovacuumAsync(20000);
        await c.ExecuteAsync("VACUUM ANALYZE queue");
        await c.ExecuteAsync("VACUUM ANALYZE messages");

        var plan = await ExplainGenericClaimAsync(c);

        plan.ShouldContain("Index Scan using ix_queue_claimable on queue");
        plan.ShouldContain("Index Scan using queue_pkey on queue");
        plan.ShouldContain("Index Scan using messages_pkey on messages");
        plan.ShouldNotContain("Hash");
        plan.ShouldNotContain("Seq Scan");
    }

    [Fact]
    public async Task The_statements_of_a_delivered_message_are_not_planned_at_every_call()
    {
        // One connection per pool: the statements are prepared once (after Npgsql's five uses), as on a node at work.
        await StatementStatistics.RequireAsync();

        var store = await Database.OpenStoreAsync("node-a", PostgresTestDatabase.OneConnectionPerPool);
        var recipients = new PostgresRecipientStore(store);
        var erasure = new PostgresErasureStore(store);
        var limit = new RateLimit(1000, TimeSpan.FromHours(1));

        for (var i = 0; i < Calls; i += 2)
        {
            (await recipients.CreateAsync($"u{i}", [$"user{i}@example.test"], T0, CancellationToken.None)).ShouldBeOfType<RecipientChange.Done>();
        }

        for (var i = 0; i < Calls; i++)
        {
            // As in real traffic, parameters vary between calls: a sign-in code has secrets to purge, a digest none; one
            // request has an idempotency key, the next none; one address belongs to a recipient, the next to none.
            var to = $"user{i}@example.test";
            var secrets = i % 2 == 0 ? ["name"] : Array.Empty<string>();
            await store.EnqueueAsync(New($"msg_plain_{i}", to: to, secretFields: secrets));
            var code = New($"msg_code_{i}", to: to, priority: Priority.Critical, createdAt: T0.AddSeconds(i), secretFields: secrets,
                idempotencyKey: i % 2 == 0 ? $"key-{i}" : null);
            await store.EnqueueAsync(code with { RateLimit = limit });
            // A sign-in code without a key under its limit: the one-batch insert that counts (EnqueueWrites.TryUnderLimitAsync).
            await store.EnqueueAsync(New($"msg_signin_{i}", to: to, priority: Priority.Critical, createdAt: T0.AddSeconds(i)) with { RateLimit = limit });
            await erasure.LedgersAndKeptAsync([new ErasedAddress(to, $"fp-{i}")], CancellationToken.None);
            await recipients.FindByAddressAsync(to, CancellationToken.None);
            var jobs = await store.ClaimAsync(T0.AddMinutes(1), max: 2);
            (await store.CompleteAsync(jobs[0], Delivered(jobs[0], T0.AddMinutes(1), purge: i % 3 != 0), CancellationToken.None)).Applied.ShouldBeTrue();
            (await store.CompleteAsync(jobs[1], Deferred(jobs[1], T0.AddMinutes(1), T0.AddHours(1)), CancellationToken.None)).Applied.ShouldBeTrue();
        }

        await using var c = new NpgsqlConnection(await Database.ConnectionStringAsync());
        await c.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        var statements = (await c.QueryAsync<(string Query, long Calls, long Plans)>(
            "SELECT query, calls, plans FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND calls >= @calls", new { calls = Calls })).ToList();
        foreach (var (query, calls, plans) in statements)
        {
            output.WriteLine($"{calls} calls {plans} plans: {query}");
        }

        statements.Count.ShouldBeGreaterThanOrEqualTo(7);
        // Npgsql runs a statement unprepared four times; prepared, PostgreSQL plans it for its parameters five times.
        statements.Where(s => s.Plans > 12).Select(s => $"{s.Plans} plans for {s.Calls} calls: {s.Query}").ShouldBeEmpty();
    }

    /// <summary>
    /// A queue of <paramref name="copies"/> + 1 free bulk messages and an open connection to it. The statistics must stay
    /// those the test takes: autovacuum (on in the test cluster) could analyze the tables again between its statements.
    /// </summary>
    private async Task<NpgsqlConnection> QueueKeptFromAutovacuumAsync(int copies)
    {
        var store = await Database.OpenStoreAsync("node-a");
        await store.EnqueueAsync(New("msg_seed", priority: Priority.Bulk));
        var c = new NpgsqlConnection(await Database.ConnectionStringAsync());
        await c.OpenAsync();
        await c.ExecuteAsync("ALTER TABLE queue SET (autovacuum_enabled = false); ALTER TABLE messages SET (autovacuum_enabled = false)");
        await CloneAsync(c, "msg_seed", copies);
        return c;
    }

    /// <summary>EXPLAIN ANALYZE of a claim of 16 under the generic plan the store forces (QueueWrites.ClaimWithGenericPlanSql).</summary>
    private async Task<string> ExplainGenericClaimAsync(NpgsqlConnection c)
    {
        var positional = QueueWrites.ClaimSql.Replace("@lowest", "$1", StringComparison.Ordinal).Replace("@now", "$2", StringComparison.Ordinal)
            .Replace("@max", "$3", StringComparison.Ordinal).Replace("@owner", "$4", StringComparison.Ordinal)
            .Replace("@node", "$5", StringComparison.Ordinal).Replace("@expires", "$6", StringComparison.Ordinal);
        await c.ExecuteAsync($"PREPARE claim (integer, bigint, integer, text, text, bigint) AS {positional}");
        await c.ExecuteAsync("SET plan_cache_mode = force_generic_plan");
        var now = T0.AddMinutes(1).ToUnixTimeMilliseconds();
        var plan = string.Join("\n", await c.QueryAsync<string>($"EXPLAIN (ANALYZE, COSTS OFF) EXECUTE claim (2, {now}, 16, 'worker-1', 'node-a', {now + 300_000})"));
        output.WriteLine(plan);
        plan.ShouldContain("next_attempt_at <= $2"); // the generic plan, not one made for these values
        (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM queue WHERE lease_owner = 'worker-1'")).ShouldBe(16);
        return plan;
    }

    /// <summary>Copies of a queued message, each with its own ids and its row in the queue: a long queue in one statement each.</summary>
    private static async Task CloneAsync(NpgsqlConnection c, string seed, int copies)
    {
        const string columns = "type, category, priority, to_address, to_address_lower, data_json, secret_fields, request_hash, " +
            "created_at, expires_at, route, status, attempts, next_attempt_at, updated_at, version";
        await c.ExecuteAsync(
            $"INSERT INTO messages (id, message_id_header, return_path, {columns}) SELECT id || '_' || g, '<copy-' || g || '@herald.test>', " +
            $"'b-copy-' || g, {columns} FROM messages, generate_series(1, @copies) g WHERE id = @seed", new { seed, copies });
        await c.ExecuteAsync(
            "INSERT INTO queue (id, priority, next_attempt_at, attempts) SELECT id || '_' || g, priority, next_attempt_at, 0 " +
            "FROM queue, generate_series(1, @copies) g WHERE id = @seed", new { seed, copies });
    }
}
