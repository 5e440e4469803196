using Dapper;
using Herald.Core.Catalogue;
using Herald.Core.Messages;
using Npgsql;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// A message with a rate limit and no idempotency key (a sign-in code) under its limit is stored in one round trip, not
/// in a transaction of its own (BEGIN with the lock and the count, the insert, COMMIT: three in a row); over the limit
/// it takes that transaction, which stores it throttled. What each stores is the rate-limit contract's.
/// </summary>
public sealed class PostgresRateLimitedEnqueueTests : OnTestDatabase
{
    [Fact]
    public async Task Under_its_limit_a_message_is_stored_without_a_transaction_of_its_own_and_over_it_with_one()
    {
        var connectionString = await Database.ConnectionStringAsync();
        await StatementStatistics.RequireAsync();

        var store = await Database.OpenStoreAsync("node-a");
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        var commits = () => c.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND query ILIKE 'COMMIT%'");
        var limit = new RateLimit(3, TimeSpan.FromHours(1));
        var before = await commits();

        for (var i = 0; i < 3; i++)
        {
            var code = New($"msg_code_{i}", to: "ana@example.test", priority: Priority.Critical, createdAt: T0.AddSeconds(i)) with { RateLimit = limit };
            (await store.EnqueueAsync(code, Accepted(code), T0.AddDays(-1), CancellationToken.None)).ShouldBeOfType<EnqueueResult.Created>()
                .Message.Status.ShouldBe(MessageStatus.Queued);
            (await store.GetTimelineAsync(code.Id, CancellationToken.None)).ShouldBe([Accepted(code)]);
        }

        (await commits()).ShouldBe(before, "three under the limit, none in a transaction of its own");

        var over = New("msg_code_3", to: "ana@example.test", priority: Priority.Critical, createdAt: T0.AddSeconds(3)) with { RateLimit = limit };
        (await store.EnqueueAsync(over, Accepted(over), T0.AddDays(-1), CancellationToken.None)).ShouldBeOfType<EnqueueResult.Throttled>()
            .RetryAt.ShouldBe(T0.AddHours(1));
        (await commits()).ShouldBe(before + 1, "over the limit: one transaction, which stores it throttled");
    }
}
