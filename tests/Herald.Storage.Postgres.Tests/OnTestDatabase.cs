namespace Herald.Storage.Postgres.Tests;

/// <summary>A test class with a fresh database of the test cluster per test (xUnit makes one instance per test), dropped after it.</summary>
public abstract class OnTestDatabase : IAsyncLifetime
{
    protected PostgresTestDatabase Database { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
