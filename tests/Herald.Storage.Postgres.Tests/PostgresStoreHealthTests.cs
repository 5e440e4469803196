using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresStoreHealthTests : StoreHealthContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
