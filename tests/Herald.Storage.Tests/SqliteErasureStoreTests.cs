using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteErasureStoreTests : ErasureStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
