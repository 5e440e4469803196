using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresWebhookDeliveriesTests : WebhookDeliveriesContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
