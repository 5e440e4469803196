using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresErasureStoreTests : ErasureStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
