using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteStoreMaintenanceTests : StoreMaintenanceContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
