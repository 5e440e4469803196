using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresPortalLinkStoreTests : PortalLinkStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
