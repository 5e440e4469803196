using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresStoreMaintenanceTests : StoreMaintenanceContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
