using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteWebhookDeliveriesTests : WebhookDeliveriesContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
