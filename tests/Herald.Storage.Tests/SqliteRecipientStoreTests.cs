using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteRecipientStoreTests : RecipientStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
