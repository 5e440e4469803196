using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresIncidentLifecycleTests : IncidentLifecycleContract
{
    protected override IStoreUnderTest CreateDatabase() => new PostgresTestDatabase();
}
