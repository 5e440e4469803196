using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// A statement PostgreSQL refuses while Npgsql prepares it (its fifth use on a connection, Npgsql's auto-prepare) must
/// not break that statement on that connection for good. Npgsql 10.0.3 marks the statement prepared when the server's
/// ParseComplete arrives, and keeps its result description from the Describe that follows Bind; when Bind fails (a NUL in
/// a text parameter, 22021) the description is never read, and every later run of the statement on that connection
/// fails with "Received unexpected backend message DataRow" (CI, 2026-12-01, PostgresOutcomeGroupTests). One connection
/// per pool here, so that every statement meets the one the refusal left behind.
/// </summary>
public sealed class PostgresRefusedStatementTests : OnTestDatabase
{
    private static readonly DateTimeOffset At = T0.AddMinutes(1);

    [Fact]
    public async Task An_outcome_refused_as_its_statement_is_prepared_leaves_the_next_outcomes_on_that_connection_working()
    {
        var store = await Database.OpenStoreAsync("node-a", PostgresTestDatabase.OneConnectionPerPool);
        for (var i = 0; i < 8; i++)
        {
            await store.EnqueueAsync(New($"msg_{i}", to: $"user{i}@example.test"));
        }

        var jobs = (await store.ClaimAsync(At, max: 8)).OrderBy(j => j.Message.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < 4; i++)
        {
            (await store.CompleteAsync(jobs[i], Delivered(jobs[i], At), CancellationToken.None)).Applied.ShouldBeTrue();
        }

        // The fifth outcome is the statement's fifth use: Npgsql prepares it in this round trip, and PostgreSQL refuses
        // its Bind (a NUL in the lease token).
        await Should.ThrowAsync<Exception>(() => store.CompleteAsync(jobs[4] with { LeaseToken = "lease\0" }, Delivered(jobs[4], At), CancellationToken.None));

        for (var i = 5; i < 8; i++)
        {
            (await store.CompleteAsync(jobs[i], Delivered(jobs[i], At), CancellationToken.None)).Applied.ShouldBeTrue();
            (await store.GetAsync(jobs[i].Message.Id, CancellationToken.None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Delivered);
        }
    }

    [Fact]
    public async Task A_read_refused_as_its_statement_is_prepared_leaves_the_next_reads_on_that_connection_working()
    {
        var store = await Database.OpenStoreAsync("node-a", PostgresTestDatabase.OneConnectionPerPool);
        await store.EnqueueAsync(New("msg_0"));
        for (var i = 0; i < 4; i++)
        {
            (await store.GetAsync("msg_0", CancellationToken.None)).ShouldNotBeNull();
        }

        await Should.ThrowAsync<Exception>(() => store.GetAsync("msg_\0", CancellationToken.None));

        for (var i = 0; i < 3; i++)
        {
            (await store.GetAsync("msg_0", CancellationToken.None)).ShouldNotBeNull().Id.ShouldBe("msg_0");
        }
    }
}
