using Herald.Core.Queue;
using Herald.Storage.Sqlite;
using Herald.Storage.Tests.Contract;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Storage.Tests;

/// <summary>A SQLite store on a fresh file in its own temporary directory, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : IStoreUnderTest
{
    private readonly string _directory = Directory.CreateTempSubdirectory("herald-storage-").FullName;

    public SqliteTestDatabase() => Path = System.IO.Path.Combine(_directory, "herald.db");

    public string Path { get; }

    public FakeTimeProvider Time { get; } = new(TestMessages.T0);

    public SqliteStore? Current { get; private set; }

    public async ValueTask<(IDeliveryQueue Queue, IMessageStore Store)> OpenAsync()
    {
        var store = new SqliteStore(new SqliteStoreOptions { Path = Path }, Time);
        await store.OpenAsync(CancellationToken.None);
        Current = store;
        return (store, store);
    }

    public async ValueTask CloseAsync()
    {
        if (Current is not null)
        {
            await Current.DisposeAsync();
            Current = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
