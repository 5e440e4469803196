using System.Text;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Sqlite;
using Herald.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests;

/// <summary>What a broken file gives at open, a read that fails after a stored outcome, and that a purged secret leaves no file of the folder.</summary>
public sealed class SqliteFaultTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<StorageFaultException> OpenFaultAsync() =>
        await Should.ThrowAsync<StorageFaultException>(() => _database.OpenStoreAsync());

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_named_as_such_and_is_no_transient_fault()
    {
        await File.WriteAllTextAsync(_database.Path, "{\"not\": \"a database\"}\n" + new string('x', 200));

        var fault = await OpenFaultAsync();

        fault.Message.ShouldBe($"{_database.Path}: is not a SQLite database (it does not start with the SQLite header): it is corrupt or another kind of file");
        fault.Transient.ShouldBeFalse();
    }

    [Fact]
    public async Task A_truncated_file_is_refused_before_SQLite_reads_its_missing_pages()
    {
        await _database.OpenStoreAsync();
        await _database.CloseAsync();
        File.Exists(_database.Path + "-wal").ShouldBeFalse();
        await using (var file = new FileStream(_database.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length - 4096);
        }

        (await OpenFaultAsync()).Message.ShouldContain("is truncated: its header says");
    }

    [Fact]
    public async Task A_folder_where_the_file_should_be_is_named()
    {
        Directory.CreateDirectory(_database.Path);

        (await OpenFaultAsync()).Message.ShouldBe($"{_database.Path}: is a folder, not a database file");
    }

    [Fact]
    public async Task A_delivery_stays_stored_when_its_ledger_cannot_be_read_after_it()
    {
        var store = await _database.OpenStoreAsync();
        await store.EnqueueAsync(New("msg_1"));
        var job = (await store.ClaimAsync(T0)).ShouldHaveSingleItem();
        await using (var other = new SqliteConnection($"Data Source={_database.Path}"))
        {
            await other.OpenAsync();
            await using var drop = other.CreateCommand();
            drop.CommandText = "DROP TABLE address_ledger";
            await drop.ExecuteNonQueryAsync();
        }

        // The outcome is stored; the ledger read after it fails, so none comes back (the feedback service reads it itself).
        (await store.CompleteAsync(job, Delivered(job, T0), CancellationToken.None)).ShouldBe(new Completion(true));
        (await store.GetAsync("msg_1", CancellationToken.None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Delivered);
    }

    [Fact]
    public async Task Once_a_purge_committed_and_the_writer_is_idle_no_file_of_the_folder_holds_the_secret()
    {
        var store = await _database.OpenStoreAsync();
        const string secret = "code-SECRET-8675309";
        await store.EnqueueAsync(New("msg_1", dataJson: $$"""{"code":"{{secret}}","name":"Alice"}""", secretFields: ["code"]));
        var job = (await store.ClaimAsync(T0)).ShouldHaveSingleItem();

        (await store.CompleteAsync(job, Delivered(job, T0), CancellationToken.None)).Applied.ShouldBeTrue();
        for (var i = 0; i < 100 && store.Wipes == 0; i++)
        {
            await Task.Delay(20);
        }

        store.Wipes.ShouldBeGreaterThan(0);
        var folder = Path.GetDirectoryName(_database.Path)!;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).ShouldBe(-1, $"{Path.GetFileName(file)} still holds the secret");
        }

        (await store.GetAsync("msg_1", CancellationToken.None))!.DataJson.ShouldBe("""{"name":"Alice"}""");
    }
}
