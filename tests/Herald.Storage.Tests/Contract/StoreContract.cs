using Herald.Core.Queue;

namespace Herald.Storage.Tests.Contract;

/// <summary>
/// Base of the port contract tests: each test gets a fresh database from <see cref="CreateDatabase"/>, so a
/// PostgreSQL store can later run the same tests by supplying its own <see cref="IStoreUnderTest"/>.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    private IStoreUnderTest? _database;

    protected IDeliveryQueue Queue { get; private set; } = null!;

    protected IMessageStore Store { get; private set; } = null!;

    protected abstract IStoreUnderTest CreateDatabase();

    public async ValueTask InitializeAsync()
    {
        _database = CreateDatabase();
        (Queue, Store) = await _database.OpenAsync();
    }

    /// <summary>Closes the store (flushing what it acknowledged) and opens the same database again.</summary>
    protected async Task ReopenAsync()
    {
        await _database!.CloseAsync();
        (Queue, Store) = await _database.OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
