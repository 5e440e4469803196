using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Tests;

public sealed class SqliteIncidentLifecycleTests : IncidentLifecycleContract
{
    protected override IStoreUnderTest CreateDatabase() => new SqliteTestDatabase();
}
