using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresDeliveryQueueDepthTests : DeliveryQueueDepthContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
