using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresOperatorStoreTests : OperatorStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
