using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresRecipientVerificationTests : RecipientVerificationContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
