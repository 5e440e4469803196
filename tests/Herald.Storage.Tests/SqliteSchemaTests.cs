using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

public sealed class SqliteSchemaTests : SqliteStoreTest
{
    [Fact]
    public void No_two_migration_scripts_share_a_version() =>
        Contract.MigrationScripts.SharedVersions(typeof(SqliteStore).Assembly).ShouldBeEmpty();

    [Fact]
    public async Task Opening_records_the_schema_version_once_and_reopening_keeps_the_data()
    {
        await Database.Current!.EnqueueAsync(New("msg_1"));
        await Database.CloseAsync();
        await Database.OpenStoreAsync();

        Scalar("SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)").ShouldBe("1,100,200,300,310,400,500,600,700,710,800,810");
        (await Database.Current!.GetAsync("msg_1", CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Upgrading_to_the_incident_lifecycle_closes_incidents_quiet_for_a_day_and_keeps_recent_ones_open()
    {
        // A store as 0710 left it: incidents without closed_at, one last hit two days ago, one an hour ago (wall clock,
        // as the migration reads it).
        await Database.CloseAsync();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Scalar("DROP INDEX ix_domain_incidents_open; ALTER TABLE domain_incidents DROP COLUMN closed_at; " +
            "ALTER TABLE domain_incidents DROP COLUMN close_reason; ALTER TABLE messages DROP COLUMN reported_status; " +
            "DELETE FROM schema_version WHERE version >= 800; " +
            "INSERT INTO domain_incidents (id, domain, signature, first_at, last_at, addresses, sample) VALUES " +
            $"('inc_old', 'corp.example', 'x', 0, {now.AddDays(-2).ToUnixTimeMilliseconds()}, 3, 'r'), " +
            $"('inc_new', 'corp.example', 'y', 0, {now.AddHours(-1).ToUnixTimeMilliseconds()}, 3, 'r')");

        await Database.OpenStoreAsync();

        var incidents = await new Herald.Storage.Sqlite.Feedback.SqliteFeedbackStore(Database.Current!).IncidentsAsync(null, null, 10, CancellationToken.None);
        incidents.Select(i => (i.Id, i.State, i.CloseReason)).ShouldBe([
            ("inc_new", IncidentState.Open, (IncidentCloseReason?)null),
            ("inc_old", IncidentState.Closed, IncidentCloseReason.Quiet),
        ]);
        incidents[1].ClosedAt.ShouldBe(now.AddDays(-2).AddHours(1), "at the end of the default window after its last hit");
        Scalar("SELECT COUNT(*) FROM webhook_outbox").ShouldBe("0", "no event for incidents closed by the upgrade");
    }

    [Fact]
    public void The_database_is_in_wal_mode_with_the_expected_indexes()
    {
        Scalar("PRAGMA journal_mode").ShouldBe("wal");
        Scalar("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' AND tbl_name IN ('messages', 'events') ORDER BY name)")
            .ShouldBe("ix_events_message,ix_messages_claim,ix_messages_idempotency,ix_messages_leased,ix_messages_recipient");
    }

    [Fact]
    public void The_claim_query_uses_the_partial_claim_index()
    {
        var details = Plan(
            "SELECT id FROM messages WHERE status IN ('queued', 'deferred') AND priority <= 2 AND next_attempt_at <= 5 " +
            "AND (lease_token IS NULL OR lease_expires_at <= 5) ORDER BY priority, next_attempt_at LIMIT 64");
        details.ShouldContain("ix_messages_claim");
        details.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task A_malformed_listing_cursor_is_a_format_error()
    {
        await Should.ThrowAsync<FormatException>(
            Database.Current!.ListByRecipientAsync("alice@example.test", 10, "not a cursor!", CancellationToken.None));
    }

    [Fact]
    public async Task Registration_puts_every_storage_port_on_one_store()
    {
        await Database.CloseAsync();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Database.Clock)
            .AddHeraldSqlite(new SqliteStoreOptions { Path = Database.Path, NodeId = SqliteTestDatabase.DefaultNode });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<SqliteStore>();
        provider.GetRequiredService<IDeliveryQueue>().ShouldBeSameAs(store);
        provider.GetRequiredService<IMessageStore>().ShouldBeSameAs(store);
        await store.EnqueueAsync(New("msg_1", idempotencyKey: "k1"));
        (await provider.GetRequiredService<IRecipientStore>().LatestMessagesAsync(["alice@example.test"], 10, CancellationToken.None))
            .ShouldHaveSingleItem().Id.ShouldBe("msg_1");
        (await provider.GetRequiredService<IReplayGuard>().TryRememberAsync("ses", "evt-1", T0.AddDays(1), CancellationToken.None)).ShouldBeTrue();
        var feedback = provider.GetRequiredService<IFeedbackStore>();
        var again = New("msg_2", idempotencyKey: "k1");
        (await feedback.EnqueueSuppressedAsync(again, Accepted(again), new DeliveryEvent("msg_2", T0, EventType.Suppressed), T0.AddDays(-1), [],
            CancellationToken.None)).ShouldBeOfType<EnqueueResult.Duplicate>("the feedback store sees the queue's message");
    }

    private string? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private string Plan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join(" | ", details);
    }
}
