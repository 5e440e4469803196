using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteReplayGuardTests : ReplayGuardContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
