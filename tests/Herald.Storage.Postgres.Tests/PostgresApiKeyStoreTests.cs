using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresApiKeyStoreTests : ApiKeyStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
