using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteMessageStoreTests : MessageStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
