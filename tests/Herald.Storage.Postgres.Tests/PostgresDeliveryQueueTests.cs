using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresDeliveryQueueTests : DeliveryQueueContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
