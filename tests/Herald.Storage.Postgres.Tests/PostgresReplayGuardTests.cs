using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresReplayGuardTests : ReplayGuardContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
