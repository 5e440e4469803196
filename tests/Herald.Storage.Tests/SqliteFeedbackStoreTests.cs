using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
