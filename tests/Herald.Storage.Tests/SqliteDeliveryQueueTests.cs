using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteDeliveryQueueTests : DeliveryQueueContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
