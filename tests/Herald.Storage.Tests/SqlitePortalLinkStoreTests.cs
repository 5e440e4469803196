using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqlitePortalLinkStoreTests : PortalLinkStoreContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
