using Herald.Storage.Sqlite;
using Herald.Storage.Sqlite.Access;
using Herald.Storage.Sqlite.Feedback;
using Herald.Storage.Sqlite.Portal;
using Herald.Storage.Tests.Contract;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Storage.Tests;

/// <summary>A SQLite database file in its own temporary directory, deleted afterwards; each node is one <see cref="SqliteStore"/> on it.</summary>
public sealed class SqliteTestDatabase : IStoreUnderTest
{
    public const string DefaultNode = "node-a";

    private readonly string _directory = Directory.CreateTempSubdirectory("herald-storage-").FullName;
    private readonly List<SqliteStore> _open = [];

    public SqliteTestDatabase() => Path = System.IO.Path.Combine(_directory, "herald.db");

    public string Path { get; }

    public FakeTimeProvider Clock { get; } = new(TestMessages.T0);

    /// <summary>The store opened first (the one SQLite-only tests use), or null when closed.</summary>
    public SqliteStore? Current => _open.Count > 0 ? _open[0] : null;

    public async Task<SqliteStore> OpenStoreAsync(string nodeId = DefaultNode)
    {
        var store = new SqliteStore(new SqliteStoreOptions { Path = Path, NodeId = nodeId }, Clock);
        await store.OpenAsync(CancellationToken.None);
        _open.Add(store);
        return store;
    }

    public async ValueTask<StorePorts> OpenAsync(string nodeId)
    {
        var store = await OpenStoreAsync(nodeId);
        return new StorePorts(store, store, new SqliteRecipientStore(store), new SqliteFeedbackStore(store), new SqliteReplayGuard(store),
            new SqliteApiKeyStore(store), store, new SqliteOperatorStore(store), new SqlitePortalLinkStore(store));
    }

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
        Directory.Delete(_directory, recursive: true);
    }
}
