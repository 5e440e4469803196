using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteDeliveryQueueClaimTests : DeliveryQueueClaimContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
