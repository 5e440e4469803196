using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteDeliveryQueueDepthTests : DeliveryQueueDepthContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
