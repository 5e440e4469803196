using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteWebhookOutboxTests : WebhookOutboxContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
