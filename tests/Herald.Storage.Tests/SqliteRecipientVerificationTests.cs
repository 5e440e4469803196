using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteRecipientVerificationTests : RecipientVerificationContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
