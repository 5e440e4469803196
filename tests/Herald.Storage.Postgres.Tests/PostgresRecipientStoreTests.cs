using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresRecipientStoreTests : RecipientStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
