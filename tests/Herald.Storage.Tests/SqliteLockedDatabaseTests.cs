using Herald.Core.Messages;
using Herald.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

public sealed class SqliteLockedDatabaseTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private SqliteStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteStore(new SqliteStoreOptions { Path = _database.Path, NodeId = SqliteTestDatabase.DefaultNode, BusyTimeout = TimeSpan.FromMilliseconds(200) }, _database.Clock);
        await _store.OpenAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_batch_that_cannot_take_the_write_lock_fails_and_the_writer_goes_on_afterwards()
    {
        // Another process (here: another connection) holds the write lock, as a long sqlite3 session would.
        using (var other = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            other.Open();
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();

            var blocked = _store.EnqueueAsync(New("msg_1"), Accepted(New("msg_1")), T0, CancellationToken.None);
            var fault = await Should.ThrowAsync<Herald.Core.Queue.StorageFaultException>(blocked);
            fault.InnerException.ShouldBeOfType<SqliteException>().SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY
            fault.Transient.ShouldBeTrue("the lock is released when the other process is done");
            fault.Message.ShouldContain("is locked by another process");
        }

        (await _store.EnqueueAsync(New("msg_2"), Accepted(New("msg_2")), T0, CancellationToken.None))
            .ShouldBeOfType<EnqueueResult.Created>();
        (await _store.GetAsync("msg_1", CancellationToken.None)).ShouldBeNull();
    }
}
