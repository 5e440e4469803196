using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteDeliveryQueueRateLimitTests : DeliveryQueueRateLimitContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
