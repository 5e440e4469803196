using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
