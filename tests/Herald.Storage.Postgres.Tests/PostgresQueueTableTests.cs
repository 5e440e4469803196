using Dapper;
using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Tests.Contract;
using Npgsql;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// The queue table of migration 0007: one narrow row per waiting message, the home of its lease, so that a claim never
/// writes the messages row and an outcome writes it in place (HOT).
/// </summary>
public sealed class PostgresQueueTableTests : OnTestDatabase
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The columns an outcome (QueueWrites.CompleteSql) or a report (LedgerWrites.StatusChangeAsync) writes on messages.</summary>
    private static readonly string[] Written = ["status", "attempts", "next_attempt_at", "updated_at", "version", "data_json", "request_hash", "reported_status"];

    [Fact]
    public async Task An_upgrade_from_0006_keeps_every_waiting_message_claimable_with_its_lease_and_every_final_one_final()
    {
        var connection = await PostgresServer.CreateDatabaseAsync(migrated: false);
        try
        {
            await using (var source = NpgsqlDataSource.Create(connection))
            {
                await PostgresMigrator.MigrateAsync(source, through: 6, None);
                await using var c = await source.OpenConnectionAsync();
                await Insert0006Async(c, "msg_queued", "queued", attempts: 0, next: T0);
                await Insert0006Async(c, "msg_deferred", "deferred", attempts: 1, next: T0.AddHours(1));
                await Insert0006Async(c, "msg_leased", "queued", attempts: 1, next: T0, lease: ("node-x", "tok-live", T0.AddMinutes(5)));
                await Insert0006Async(c, "msg_expired", "deferred", attempts: 2, next: T0, lease: ("node-y", "tok-old", T0.AddMinutes(-1)));
                await Insert0006Async(c, "msg_suppressed", "suppressed", attempts: 0, next: T0);
                await Insert0006Async(c, "msg_delivered", "delivered", attempts: 1, next: T0);

                (await PostgresMigrator.MigrateAsync(source, None)).ShouldBe([7]);
                (await c.QueryAsync<(string Id, int Attempts, string? Node, string? Token)>(
                    "SELECT id, attempts, lease_node, lease_token FROM queue ORDER BY id")).ShouldBe(
                    [("msg_deferred", 1, null, null), ("msg_expired", 2, "node-y", "tok-old"), ("msg_leased", 1, "node-x", "tok-live"), ("msg_queued", 0, null, null)]);
            }

            var store = new PostgresStore(new PostgresStoreOptions { ConnectionString = connection, NodeId = "node-z" }, Database.Clock);
            await using (store)
            {
                (await store.DepthAsync(None)).Single(d => d.Priority == Priority.Normal).Count.ShouldBe(4);
                (await store.NextDueAtAsync(Priority.Bulk, None)).ShouldBe(T0);
                var leased = (await store.GetAsync("msg_leased", None)).ShouldNotBeNull();
                leased.Attempts.ShouldBe(1);
                (await store.GetAsync("msg_deferred", None)).ShouldNotBeNull().NextAttemptAt.ShouldBe(T0.AddHours(1));

                var due = await store.ClaimAsync(T0, max: 10);
                due.Select(j => $"{j.Message.Id}:{j.Attempt}").Order(StringComparer.Ordinal).ShouldBe(["msg_expired:3", "msg_queued:1"],
                    Case.Sensitive, "the live lease holds, the expired one is claimed again, the deferred one waits");
                (await store.CompleteAsync(new DeliveryJob(leased, 1, "tok-live", T0.AddMinutes(5)), Delivered(Job(leased), T0), None)).Applied
                    .ShouldBeTrue("node-x still holds the lease it took before the upgrade");
                foreach (var job in due)
                {
                    (await store.CompleteAsync(job, Delivered(job, T0), None)).Applied.ShouldBeTrue();
                }

                var deferred = (await store.ClaimAsync(T0.AddHours(1), max: 10)).ShouldHaveSingleItem();
                deferred.Message.Id.ShouldBe("msg_deferred");
                (await store.CompleteAsync(deferred, Delivered(deferred, T0.AddHours(1)), None)).Applied.ShouldBeTrue();
                (await store.GetAsync("msg_suppressed", None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Suppressed);
                (await store.GetAsync("msg_delivered", None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Delivered);
                (await store.ClaimAsync(T0.AddDays(1), max: 10)).ShouldBeEmpty("a final message is never claimed");
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connection);
        }
    }

    [Fact]
    public async Task A_deferred_outcome_frees_the_queue_row_at_its_new_time_and_a_final_one_or_a_message_never_queued_leaves_none()
    {
        var store = await Database.OpenStoreAsync("node-a");
        await store.EnqueueAsync(New("msg_deferred"));
        await store.EnqueueAsync(New("msg_delivered", createdAt: T0.AddSeconds(1)));
        var limit = new RateLimit(1, TimeSpan.FromHours(1));
        var gone = New("msg_suppressed", to: "gone@example.test");
        await store.EnqueueBatchAsync(
            [
                new EnqueueItem(New("msg_limited", to: "bob@example.test") with { RateLimit = limit }, Accepted(New("msg_limited")), null),
                new EnqueueItem(New("msg_throttled", to: "bob@example.test") with { RateLimit = limit }, Accepted(New("msg_throttled")), null),
                new EnqueueItem(gone, Accepted(gone), new SuppressedAtIntake(new DeliveryEvent(gone.Id, T0, EventType.Suppressed), [])),
            ], T0.AddDays(-1), None);
        (await QueueIdsAsync()).ShouldBe(["msg_deferred", "msg_delivered", "msg_limited"], Case.Sensitive, "a throttled or suppressed message never waits");

        var jobs = (await store.ClaimAsync(T0.AddMinutes(1), max: 10)).ToDictionary(j => j.Message.Id);
        (await store.CompleteAsync(jobs["msg_deferred"], Deferred(jobs["msg_deferred"], T0, T0.AddMinutes(30)), None)).Applied.ShouldBeTrue();
        (await store.CompleteAsync(jobs["msg_delivered"], Delivered(jobs["msg_delivered"], T0), None)).Applied.ShouldBeTrue();
        (await store.CompleteAsync(jobs["msg_limited"], Delivered(jobs["msg_limited"], T0), None)).Applied.ShouldBeTrue();

        (await QueueIdsAsync()).ShouldBe(["msg_deferred"]);
        await using (var c = await OpenAsync())
        {
            (await c.QuerySingleAsync<(long Next, int Attempts, string? Token)>("SELECT next_attempt_at, attempts, lease_token FROM queue WHERE id = 'msg_deferred'"))
                .ShouldBe((T0.AddMinutes(30).ToUnixTimeMilliseconds(), 1, null));
        }

        (await store.ClaimAsync(T0.AddMinutes(29), max: 10)).ShouldBeEmpty();
        (await store.ClaimAsync(T0.AddMinutes(30), max: 10)).ShouldHaveSingleItem().Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task A_claim_leaves_the_messages_row_alone_and_an_outcome_updates_it_in_place_HOT()
    {
        var store = await Database.OpenStoreAsync("node-a");
        for (var i = 0; i < 6; i++)
        {
            await store.EnqueueAsync(New($"msg_{i}", createdAt: T0.AddMilliseconds(i), secretFields: ["name"]));
        }

        var jobs = await store.ClaimAsync(T0.AddMinutes(1), max: 10);
        jobs.Count.ShouldBe(6);
        foreach (var job in jobs)
        {
            var transition = job.Message.Id is "msg_0" or "msg_1" ? Deferred(job, T0, T0.AddMinutes(5)) : Delivered(job, T0);
            (await store.CompleteAsync(job, transition, None)).Applied.ShouldBeTrue();
        }

        // A backend sends its table statistics when it ends: closing the store's connections makes them arrive.
        await Database.CloseAsync();
        await using var c = await OpenAsync();
        (long Updated, long Hot) counts = default;
        for (var wait = 0; wait < 100 && counts.Updated < 6; wait++)
        {
            await Task.Delay(100);
            await c.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
            counts = await c.QuerySingleAsync<(long, long)>("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'messages'");
        }

        counts.ShouldBe((6, 6), "six outcomes, each a HOT update; the six claims none");
    }

    [Fact]
    public async Task No_index_of_messages_covers_or_filters_on_a_column_an_outcome_or_a_report_writes()
    {
        await using var c = await OpenAsync();
        var indexes = (await c.QueryAsync<(string Name, string Columns, string? Predicate, string? Expressions)>(
            "SELECT i.indexrelid::regclass::text, " +
            "(SELECT string_agg(a.attname, ',') FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)), " +
            "pg_get_expr(i.indpred, i.indrelid), pg_get_expr(i.indexprs, i.indrelid) FROM pg_index i WHERE i.indrelid = 'messages'::regclass")).ToList();

        indexes.Count.ShouldBeGreaterThan(3);
        foreach (var (name, columns, predicate, expressions) in indexes)
        {
            var covered = columns.Split(',').Concat(Written.Where(w => (predicate + " " + expressions).Contains(w, StringComparison.Ordinal)));
            covered.Intersect(Written).ShouldBeEmpty($"{name} would make the outcome's update non-HOT");
        }

        (await c.QuerySingleAsync<string>("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'messages'::regclass"))
            .ShouldBe("fillfactor=70");
    }

    private static DeliveryJob Job(StoredMessage m) => new(m, m.Attempts, "", T0);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var c = new NpgsqlConnection(await Database.ConnectionStringAsync());
        await c.OpenAsync();
        return c;
    }

    private async Task<List<string>> QueueIdsAsync()
    {
        await using var c = await OpenAsync();
        return (await c.QueryAsync<string>("SELECT id FROM queue ORDER BY id")).ToList();
    }

    /// <summary>A messages row as migration 0006's schema held it, the lease on the row.</summary>
    private static Task<int> Insert0006Async(NpgsqlConnection c, string id, string status, int attempts, DateTimeOffset next,
        (string Node, string Token, DateTimeOffset Expires)? lease = null) =>
        c.ExecuteAsync(
            "INSERT INTO messages (id, type, category, priority, to_address, to_address_lower, data_json, secret_fields, idempotency_key, " +
            "request_hash, created_at, expires_at, message_id_header, return_path, route, status, attempts, next_attempt_at, lease_owner, " +
            "lease_token, lease_expires_at, updated_at, version, lease_node) VALUES (@id, 'password-reset', 'transactional', 1, 'alice@example.test', " +
            "'alice@example.test', '{}', '[]', NULL, 'hash-1', @created, @expires, @header, @returnPath, 'default', @status, @attempts, @next, " +
            "@owner, @token, @leaseExpires, @created, 1, @node)",
            new
            {
                id,
                status,
                attempts,
                next = next.ToUnixTimeMilliseconds(),
                created = T0.ToUnixTimeMilliseconds(),
                expires = T0.AddDays(2).ToUnixTimeMilliseconds(),
                header = $"<{id}@herald.test>",
                returnPath = $"b-{id}",
                owner = lease is null ? null : lease.Value.Node + "-worker",
                token = lease?.Token,
                leaseExpires = lease?.Expires.ToUnixTimeMilliseconds(),
                node = lease?.Node,
            });
}
