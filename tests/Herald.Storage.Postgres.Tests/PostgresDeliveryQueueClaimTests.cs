using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresDeliveryQueueClaimTests : DeliveryQueueClaimContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
