using Herald.Storage.Postgres;
using Herald.Storage.Tests.Contract;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Storage.Postgres.Tests;

/// <summary>One fresh database of the test cluster, dropped afterwards; each node is one <see cref="PostgresStore"/> on it.</summary>
public sealed class PostgresTestDatabase : IStoreUnderTest
{
    /// <summary>Connection-string settings for one connection per pool: each statement is prepared once, as on a node at work.</summary>
    public const string OneConnectionPerPool = ";Maximum Pool Size=1";

    private readonly List<PostgresStore> _open = [];
    private string? _connectionString;

    public FakeTimeProvider Clock { get; } = new(TestMessages.T0);

    public async Task<string> ConnectionStringAsync() => _connectionString ??= await PostgresServer.CreateDatabaseAsync();

    /// <param name="settings">Appended to the connection string, e.g. <see cref="OneConnectionPerPool"/>.</param>
    public async Task<PostgresStore> OpenStoreAsync(string nodeId, string settings = "")
    {
        var store = new PostgresStore(new PostgresStoreOptions { ConnectionString = await ConnectionStringAsync() + settings, NodeId = nodeId }, Clock);
        await store.OpenAsync(CancellationToken.None);
        _open.Add(store);
        return store;
    }

    public async ValueTask<StorePorts> OpenAsync(string nodeId) => PostgresPorts.Of(await OpenStoreAsync(nodeId));

    public async ValueTask CloseAsync()
    {
        foreach (var store in _open)
        {
            await store.DisposeAsync();
        }

        _open.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }
}
