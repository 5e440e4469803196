using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresDeliveryQueueBatchTests : DeliveryQueueBatchContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
