using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresDeliveryQueueRateLimitTests : DeliveryQueueRateLimitContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
