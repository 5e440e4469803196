namespace Herald.Storage.Tests;

/// <summary>Base of the SQLite-only tests: a store opened on a fresh temporary file.</summary>
public abstract class SqliteStoreTest : IAsyncLifetime
{
    protected SqliteTestDatabase Database { get; } = new();

    public async ValueTask InitializeAsync() => await Database.OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
