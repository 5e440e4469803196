using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteStoreHealthTests : StoreHealthContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
