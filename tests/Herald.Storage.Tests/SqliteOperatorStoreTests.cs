using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteOperatorStoreTests : OperatorStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
