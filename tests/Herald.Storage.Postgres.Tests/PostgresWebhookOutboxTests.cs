using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresWebhookOutboxTests : WebhookOutboxContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
