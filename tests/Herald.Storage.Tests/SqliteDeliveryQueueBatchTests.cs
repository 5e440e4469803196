using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteDeliveryQueueBatchTests : DeliveryQueueBatchContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
